using MesaSpec.Gridworld.Levels.Walls;
using MesaSpec.Language.Catalogue;
using MesaSpec.Gridworld.Randomness;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Levels;

/// <summary>
/// Level = f(environment, seed, levelIndex): walls first, then the agent and the items on distinct free
/// cells of their spawn regions. Groups are placed least slack first (region cells minus count; ties in
/// declaration order, the agent before items) so that a one-cell region is never taken by an item that
/// could go anywhere.
/// Keeps scratch buffers, so generating into an existing <see cref="Level"/> allocates nothing;
/// an instance is not thread-safe.
/// </summary>
public sealed class LevelGenerator
{
    private readonly EnvironmentModel environment;
    private readonly IWallGenerator walls;
    private readonly PlacementGroup[] groups;
    private readonly bool[] occupied;
    private readonly int[] candidates;
    private readonly RandomSource wallRandom = new();

    public LevelGenerator(EnvironmentModel environment)
    {
        if (environment.Width < 1 || environment.Height < 1)
        {
            throw new LevelGenerationException(environment.Name, "grid", null,
                $"environment '{environment.Name}': grid {environment.Width} x {environment.Height} is empty");
        }
        this.environment = environment;
        Items = new ItemKinds(environment);
        walls = WallGenerators.Create(environment);
        groups = BuildGroups(environment, Items);
        occupied = new bool[environment.Width * environment.Height];
        candidates = new int[environment.Width * environment.Height];
    }

    public ItemKinds Items { get; }

    public EnvironmentModel Environment => environment;

    /// <summary>A new level buffer of this environment's size, to be filled by <see cref="GenerateInto"/>.</summary>
    /// <summary>Separates the stream of an episode's random moves from the level's own draws.</summary>
    private const ulong MovementSalt = 0x3E0E_0013_0000_0013UL;

    public Level CreateBuffer() => new(Items, environment.Width, environment.Height);

    public Level Generate(long seed, long levelIndex, ulong salt)
    {
        var level = CreateBuffer();
        GenerateInto(level, seed, levelIndex, salt);
        return level;
    }

    /// <summary>Refills <paramref name="level"/> with level <paramref name="levelIndex"/> of the stream (<paramref name="seed"/>, <paramref name="salt"/>).</summary>
    public void GenerateInto(Level level, long seed, long levelIndex, ulong salt)
    {
        var random = DeterministicRandom.For(seed, levelIndex, salt);
        var fork = random; // a copy: the level's own draws stay exactly what they were before moving items existed
        level.StreamSeed = DeterministicRandom.Mix(fork.NextULong() ^ MovementSalt);
        Array.Clear(level.Walls);
        wallRandom.State = random;
        walls.Generate(level.Walls, level.Width, level.Height, wallRandom);
        random = wallRandom.State;
        Array.Fill(level.ItemAt, (sbyte)-1);
        Array.Clear(occupied);
        foreach (var group in groups)
        {
            if (group.FixedCells is not null)
            {
                PlaceFixed(level, group);
            }
            else
            {
                PlaceRandomly(level, group, ref random);
            }
        }
    }

    private void PlaceFixed(Level level, PlacementGroup group)
    {
        for (var i = 0; i < group.FixedCells!.Length; i++)
        {
            var cell = group.FixedCells[i];
            if (level.Walls[cell] || occupied[cell])
            {
                throw new LevelGenerationException(environment.Name, group.Name, null,
                    $"environment '{environment.Name}': the layout puts '{group.Name}' on cell ({cell % level.Width}, {cell / level.Width}), which is {(level.Walls[cell] ? "a wall" : "taken by another item")}");
            }
            Put(level, group, i, cell);
        }
    }

    private void PlaceRandomly(Level level, PlacementGroup group, ref DeterministicRandom random)
    {
        var free = 0;
        foreach (var cell in group.RegionCells)
        {
            if (!level.Walls[cell] && !occupied[cell])
            {
                candidates[free++] = cell;
            }
        }
        if (free < group.Count)
        {
            throw TooFewFreeCells(level, group, free);
        }
        for (var i = 0; i < group.Count; i++)
        {
            var j = i + random.NextInt(free - i);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
            Put(level, group, i, candidates[i]);
        }
    }

    // Kept out of PlaceRandomly: its lambda would otherwise allocate a closure on every call.
    private LevelGenerationException TooFewFreeCells(Level level, PlacementGroup group, int free)
    {
        var walled = group.RegionCells.Count(c => level.Walls[c]);
        return new LevelGenerationException(environment.Name, group.Name, RegionText.Describe(group.Region),
            $"environment '{environment.Name}': cannot place {group.Count} x '{group.Name}' in {RegionText.Describe(group.Region)}: " +
            $"the region has {group.RegionCells.Length} cells on the grid, {walled} are walls and {group.RegionCells.Length - walled - free} are taken, leaving {free} free");
    }

    private void Put(Level level, PlacementGroup group, int instance, int cell)
    {
        occupied[cell] = true;
        if (group.FirstItem < 0)
        {
            level.AgentCell = cell;
        }
        else
        {
            var item = group.FirstItem + instance;
            level.ItemCells[item] = cell;
            level.ItemAt[cell] = (sbyte)item;
        }
    }

    private static PlacementGroup[] BuildGroups(EnvironmentModel environment, ItemKinds items)
    {
        int width = environment.Width, height = environment.Height;
        var list = new List<PlacementGroup>
        {
            new("agent", -1, 1, environment.AgentSpawn, RegionCells(environment.AgentSpawn, width, height), null, 0),
        };
        var firstItem = 0;
        for (var k = 0; k < environment.Items.Count; k++)
        {
            var item = environment.Items[k];
            int[]? fixedCells = null;
            if (item.FixedCells is not null)
            {
                fixedCells = item.FixedCells.Select(c => CheckedCell(environment, item.Kind, c.X, c.Y)).ToArray();
            }
            var count = fixedCells?.Length ?? item.Count;
            list.Add(new(item.Kind, firstItem, count, item.Spawn, fixedCells is null ? RegionCells(item.Spawn, width, height) : [], fixedCells, k + 1));
            firstItem += count;
        }
        // Fixed cells first (they have no choice), then the groups with the least room to spare.
        return list.OrderBy(g => g.FixedCells is null ? 1 : 0).ThenBy(g => g.RegionCells.Length - g.Count).ThenBy(g => g.Order).ToArray();
    }

    private static int CheckedCell(EnvironmentModel environment, string kind, int x, int y)
    {
        if (x < 0 || y < 0 || x >= environment.Width || y >= environment.Height)
        {
            throw new LevelGenerationException(environment.Name, kind, null,
                $"environment '{environment.Name}': '{kind}' is fixed at ({x}, {y}), outside the {environment.Width} x {environment.Height} grid");
        }
        return y * environment.Width + x;
    }

    private static int[] RegionCells(RegionModel region, int width, int height) =>
        RegionMath.Cells(region, width, height).Select(c => c.Y * width + c.X).ToArray();

    /// <summary>The agent (<see cref="FirstItem"/> = -1) or every item of one kind.</summary>
    private sealed record PlacementGroup(string Name, int FirstItem, int Count, RegionModel Region, int[] RegionCells, int[]? FixedCells, int Order);
}
