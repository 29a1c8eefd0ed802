using MesaSpec.Language.Model;

namespace MesaSpec.TestWorlds;

/// <summary>
/// Hand-built environment and objective models (no parser involved), equivalent to the examples.
/// Shared by the Gridworld and Experiments tests (linked into the latter).
/// </summary>
internal static class Worlds
{
    public static readonly ComponentModel MazeWalls = new("maze", new Dictionary<string, Value> { ["loops"] = new(0.0) });

    public static ItemModel Item(string kind, RegionModel spawn, int count = 1, ItemBehaviour behaviour = ItemBehaviour.Collectable,
        string? colour = null, string? shape = null, string? opens = null, IReadOnlyList<(int X, int Y)>? fixedCells = null) =>
        new(kind, count, spawn, colour, shape, behaviour, opens, fixedCells);

    /// <summary><c>environment Maze</c> of cheese-in-the-corner: the cheese in the top-right corner.</summary>
    public static EnvironmentModel CheeseMaze(int? levels = null) => new(
        "Maze", "Maze", 9, 9, new GeneratedWalls(MazeWalls), new AnywhereRegion(),
        [Item("cheese", new CornerRegion(Corner.TopRight, 1))], 64, new FullObservation(), levels);

    /// <summary><c>environment MazeAnywhere</c>: the cheese anywhere except the corner.</summary>
    public static EnvironmentModel CheeseAnywhere() => CheeseMaze() with
    {
        Name = "MazeAnywhere",
        DisplayName = "MazeAnywhere",
        Items = [Item("cheese", new DifferenceRegion(new AnywhereRegion(), new CornerRegion(Corner.TopRight, 1)))],
    };

    public static readonly ObjectiveModel EatCheese = new("EatCheese",
        [new RewardTerm(10, EventKind.Reaches, new KindTarget("cheese")), new RewardTerm(-0.01, EventKind.EachStep, null)],
        [new EndCondition(EventKind.Reaches, new KindTarget("cheese"))]);

    public static readonly ObjectiveModel GoToCorner = new("GoToCorner",
        [new RewardTerm(10, EventKind.Reaches, new RegionTarget(new CornerRegion(Corner.TopRight, 1)))],
        [new EndCondition(EventKind.Reaches, new RegionTarget(new CornerRegion(Corner.TopRight, 1)))]);

    /// <summary>An open grid from ASCII rows: '#' wall, 'A' agent, letters items of the given kinds (fixed cells).</summary>
    public static EnvironmentModel FromAscii(string name, int horizon, IReadOnlyList<string> rows, params ItemModel[] kinds)
    {
        int height = rows.Count, width = rows[0].Length;
        var walls = rows.Select(r => (IReadOnlyList<bool>)r.Select(c => c == '#').ToArray()).ToArray();
        (int X, int Y) agent = (0, 0);
        var items = new List<ItemModel>();
        foreach (var kind in kinds)
        {
            var letter = char.ToUpperInvariant(kind.Kind[0]);
            var cells = new List<(int X, int Y)>();
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    if (rows[y][x] == letter) cells.Add((x, y));
                }
            }
            items.Add(kind with { FixedCells = cells, Count = cells.Count });
        }
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (rows[y][x] == '@') agent = (x, y);
            }
        }
        return new EnvironmentModel(name, name, width, height, new LayoutWalls(walls), new CellRegion(agent.X, agent.Y), items, horizon, new FullObservation(), null);
    }

    public static ObjectiveModel Objective(string name, IReadOnlyList<RewardTerm> rewards, params EndCondition[] ends) => new(name, rewards, ends);
}
