using MesaSpec.Gridworld.Randomness;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Levels.Walls;

/// <summary>Draws the walls of one level into a cleared wall grid.</summary>
internal interface IWallGenerator
{
    void Generate(bool[] walls, int width, int height, ref DeterministicRandom random);
}

/// <summary>Builds the wall generator an environment's <see cref="WallsModel"/> asks for.</summary>
internal static class WallGenerators
{
    /// <summary>Names of the generators the catalogue offers for <c>walls name(...)</c>.</summary>
    public static readonly IReadOnlyList<string> Names = ["maze", "rooms", "border"];

    public static IWallGenerator Create(EnvironmentModel environment) => environment.Walls switch
    {
        NoWalls => new NoWallGenerator(),
        LayoutWalls layout => new LayoutWallGenerator(environment, layout),
        GeneratedWalls { Generator.Name: "maze" } g => new MazeWallGenerator(environment.Name,
            Argument(g.Generator, "loops", 0.0, v => v.AsFloat()), environment.Width, environment.Height),
        GeneratedWalls { Generator.Name: "rooms" } g => new RoomsWallGenerator(environment.Name,
            (int)Argument(g.Generator, "count", 4L, v => v.AsInt()), environment.Width, environment.Height),
        GeneratedWalls { Generator.Name: "border" } => new BorderWallGenerator(),
        GeneratedWalls g => throw new LevelGenerationException(environment.Name, g.Generator.Name, null,
            $"environment '{environment.Name}': unknown wall generator '{g.Generator.Name}' (known: {string.Join(", ", Names)})"),
        _ => throw new LevelGenerationException(environment.Name, "walls", null, $"environment '{environment.Name}': unsupported walls {environment.Walls}"),
    };

    /// <summary>The declared argument, or the schema default when the model was built without it (e.g. by hand in tests).</summary>
    private static T Argument<T>(ComponentModel component, string name, T fallback, Func<Value, T> read) =>
        component.Arguments.TryGetValue(name, out var value) ? read(value) : fallback;
}

internal sealed class NoWallGenerator : IWallGenerator
{
    public void Generate(bool[] walls, int width, int height, ref DeterministicRandom random)
    {
    }
}

/// <summary><c>walls border</c>: the outermost ring of cells.</summary>
internal sealed class BorderWallGenerator : IWallGenerator
{
    public void Generate(bool[] walls, int width, int height, ref DeterministicRandom random)
    {
        for (var x = 0; x < width; x++)
        {
            walls[x] = true;
            walls[(height - 1) * width + x] = true;
        }
        for (var y = 0; y < height; y++)
        {
            walls[y * width] = true;
            walls[y * width + width - 1] = true;
        }
    }
}

/// <summary>Walls drawn by an ASCII layout: the same on every level.</summary>
internal sealed class LayoutWallGenerator : IWallGenerator
{
    private readonly bool[] layout;

    public LayoutWallGenerator(EnvironmentModel environment, LayoutWalls walls)
    {
        if (walls.Wall.Count != environment.Height || walls.Wall.Any(row => row.Count != environment.Width))
        {
            throw new LevelGenerationException(environment.Name, "layout", null,
                $"environment '{environment.Name}': the layout is not {environment.Width} x {environment.Height}");
        }
        layout = new bool[environment.Width * environment.Height];
        for (var y = 0; y < environment.Height; y++)
        {
            for (var x = 0; x < environment.Width; x++)
            {
                layout[y * environment.Width + x] = walls.Wall[y][x];
            }
        }
    }

    public void Generate(bool[] walls, int width, int height, ref DeterministicRandom random) => layout.CopyTo(walls, 0);
}
