using MesaSpec.Gridworld.Levels.Walls;
using MesaSpec.Language.Catalogue;
using MesaSpec.Gridworld.Randomness;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Levels;

/// <summary>
/// Level = f(environment, seed, levelIndex): walls first, then the agent and the items on distinct free
/// cells of their spawn regions. Groups are placed least slack first (region cells minus count; ties in
/// declaration order, the agent before items) so that a one-cell region is never taken by an item that
/// could go anywhere; a group whose region is relative (<c>near(anchor, d)</c>, <c>on(kind)</c>) waits until its anchors
/// are placed, and is measured by path distance from them around this level's walls, or stacked on their cells (each
/// item of the group on a distinct one).
/// Keeps scratch buffers, so generating into an existing <see cref="Level"/> allocates nothing;
/// an instance is not thread-safe.
/// </summary>
public sealed class LevelGenerator : IPlacedAnchors
{
    private readonly EnvironmentModel environment;
    private readonly IWallGenerator walls;
    private readonly PlacementGroup[] groups;
    private readonly bool[] occupied;
    private readonly int[] candidates;
    private readonly RandomSource wallRandom = new();
    private readonly Dictionary<string, int> anchorIndex = new(StringComparer.Ordinal);
    private readonly PlacementGroup[] anchorGroups;
    private readonly int[][] anchorDistances;
    private readonly ulong[] anchorItems; // per anchor: its items as a mask (0 for the agent), for on(...)
    private readonly bool[] anchorMeasured;
    private readonly int[] queue;
    private Level? placing;
    private readonly bool hasRelative;
    private int lastFree; // the candidates the last placed group had, for the message when it did not fit

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
        queue = new int[environment.Width * environment.Height];
        var anchors = groups.SelectMany(g => g.Anchors).Distinct(StringComparer.Ordinal).ToArray();
        anchorGroups = anchors.Select(a => groups.First(g => g.Name == a)).ToArray();
        for (var i = 0; i < anchors.Length; i++)
        {
            anchorIndex[anchors[i]] = i;
        }
        anchorDistances = anchors.Select(_ => new int[environment.Width * environment.Height]).ToArray();
        anchorItems = anchorGroups.Select(g => g.FirstItem < 0 || g.Count == 0 ? 0UL : (ulong.MaxValue >> (64 - g.Count)) << g.FirstItem).ToArray();
        anchorMeasured = new bool[anchors.Length];
        hasRelative = groups.Any(g => g.Relative);
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
        placing = level;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var failed = PlaceAll(level, ref random);
                if (failed is null)
                {
                    return;
                }
                // Whether a 'near' region has room depends on where its anchor and everything before it landed (a dish
                // in a dead end whose one neighbour the agent took), so the placements are drawn again on the same
                // walls, from the stream as it is now: a level is a draw conditioned on its placements fitting. In an
                // environment without relative regions a region that does not fit is too small for these walls
                // whatever the draw, so it fails at once, as it always did.
                if (!hasRelative || attempt == MaxPlacementAttempts)
                {
                    throw Failure(level, failed, attempt);
                }
            }
        }
        finally
        {
            placing = null;
        }
    }

    /// <summary>How many times the placements of an environment with relative regions are drawn before the level fails.</summary>
    public const int MaxPlacementAttempts = 64;

    /// <summary>Places every group in order; returns the first that did not fit (its candidates counted in <see cref="lastFree"/>), or null.</summary>
    private PlacementGroup? PlaceAll(Level level, ref DeterministicRandom random)
    {
        Array.Clear(level.ItemsAt);
        Array.Clear(occupied);
        Array.Clear(anchorMeasured);
        foreach (var group in groups)
        {
            if (group.FixedCells is not null)
            {
                PlaceFixed(level, group);
            }
            else if (!(group.Relative ? PlaceRelative(level, group, ref random) : PlaceRandomly(level, group, ref random)))
            {
                return group;
            }
        }
        return null;
    }

    /// <summary>
    /// Path distance from the nearest placed instance of <paramref name="anchor"/>, measured once per level on
    /// first use. Only the generator asks, while it places groups whose anchors it has already placed.
    /// </summary>
    public bool IsNear(string anchor, int distance, int x, int y)
    {
        var level = placing ?? throw new InvalidOperationException("near(...) is measured only while a level is generated");
        var index = anchorIndex[anchor];
        if (!anchorMeasured[index])
        {
            MeasureFrom(level, anchorGroups[index], anchorDistances[index]);
            anchorMeasured[index] = true;
        }
        var d = anchorDistances[index][y * level.Width + x];
        return d >= 1 && d <= distance;
    }

    /// <summary>Whether an item of kind <paramref name="anchor"/> is on cell (x, y); only the generator asks, once the anchor is placed.</summary>
    public bool IsOn(string anchor, int x, int y)
    {
        var level = placing ?? throw new InvalidOperationException("on(...) is measured only while a level is generated");
        return (level.ItemsAt[y * level.Width + x] & anchorItems[anchorIndex[anchor]]) != 0;
    }

    /// <summary>Breadth-first search over free cells (four neighbours) from every cell the group occupies.</summary>
    private void MeasureFrom(Level level, PlacementGroup anchor, int[] distances)
    {
        Array.Fill(distances, int.MaxValue);
        int head = 0, tail = 0;
        for (var i = 0; i < anchor.Count; i++)
        {
            var source = anchor.FirstItem < 0 ? level.AgentCell : level.ItemCells[anchor.FirstItem + i];
            distances[source] = 0;
            queue[tail++] = source;
        }
        int width = level.Width, height = level.Height;
        while (head < tail)
        {
            var cell = queue[head++];
            int x = cell % width, y = cell / width, next = distances[cell] + 1;
            for (var direction = 0; direction < 4; direction++)
            {
                var (nx, ny) = direction switch { 0 => (x, y - 1), 1 => (x + 1, y), 2 => (x, y + 1), _ => (x - 1, y) };
                if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                {
                    continue;
                }
                var neighbour = ny * width + nx;
                if (!level.Walls[neighbour] && distances[neighbour] == int.MaxValue)
                {
                    distances[neighbour] = next;
                    queue[tail++] = neighbour;
                }
            }
        }
    }

    private bool PlaceRelative(Level level, PlacementGroup group, ref DeterministicRandom random)
    {
        var free = 0;
        int width = level.Width, height = level.Height;
        for (var cell = 0; cell < width * height; cell++)
        {
            // A stacking group's cells are its anchors' (taken, and shared by design); any other group's must be free.
            if (!level.Walls[cell] && (group.Stacks || !occupied[cell]) && RegionMath.Contains(group.Region, width, height, cell % width, cell / width, this))
            {
                candidates[free++] = cell;
            }
        }
        return ChooseIfRoom(level, group, free, ref random);
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

    private bool PlaceRandomly(Level level, PlacementGroup group, ref DeterministicRandom random)
    {
        var free = 0;
        foreach (var cell in group.RegionCells)
        {
            if (!level.Walls[cell] && !occupied[cell])
            {
                candidates[free++] = cell;
            }
        }
        return ChooseIfRoom(level, group, free, ref random);
    }

    /// <summary>
    /// Puts the group's instances on distinct cells drawn from the first <paramref name="free"/> candidates, or returns
    /// false when there are fewer candidates than instances (kept in <see cref="lastFree"/> for the message).
    /// </summary>
    private bool ChooseIfRoom(Level level, PlacementGroup group, int free, ref DeterministicRandom random)
    {
        lastFree = free;
        if (free < group.Count)
        {
            return false;
        }
        for (var i = 0; i < group.Count; i++)
        {
            var j = i + random.NextInt(free - i);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
            Put(level, group, i, candidates[i]);
        }
        return true;
    }

    private LevelGenerationException Failure(Level level, PlacementGroup group, int attempts) =>
        group.Stacks
            ? new LevelGenerationException(environment.Name, group.Name, RegionText.Describe(group.Region),
                $"environment '{environment.Name}': cannot place {group.Count} x '{group.Name}' {RegionText.Describe(group.Region)}, each on a distinct item: " +
                $"only {lastFree} item cell{(lastFree == 1 ? "" : "s")} there in the last of {attempts} draws of this level's placements")
        : group.Relative
            ? new LevelGenerationException(environment.Name, group.Name, RegionText.Describe(group.Region),
                $"environment '{environment.Name}': cannot place {group.Count} x '{group.Name}' in {RegionText.Describe(group.Region)}: " +
                $"only {lastFree} free cell{(lastFree == 1 ? "" : "s")} there in the last of {attempts} draws of this level's placements (widen the distance, or give the anchor room)")
            : TooFewFreeCells(level, group, lastFree);

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
            level.ItemsAt[cell] |= 1UL << item;
        }
    }

    private static PlacementGroup[] BuildGroups(EnvironmentModel environment, ItemKinds items)
    {
        int width = environment.Width, height = environment.Height;
        var list = new List<PlacementGroup>
        {
            Group("agent", -1, 1, environment.AgentSpawn, null, 0, width, height),
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
            list.Add(Group(item.Kind, firstItem, count, item.Spawn, fixedCells, k + 1, width, height));
            firstItem += count;
        }
        return PlacementOrder(list, width * height);
    }

    private static PlacementGroup Group(string name, int firstItem, int count, RegionModel region, int[]? fixedCells, int order, int width, int height)
    {
        var relative = fixedCells is null && RegionMath.IsRelative(region);
        var cells = fixedCells is not null || relative ? [] : RegionCells(region, width, height);
        return new(name, firstItem, count, region, cells, fixedCells, order, relative, relative ? [.. RegionMath.Anchors(region)] : [])
        {
            Stacks = relative && RegionMath.Stacks(region),
        };
    }

    /// <summary>
    /// Fixed cells first (they have no choice), then the groups with the least room to spare; a relative group
    /// goes at the first turn at which all its anchors are placed. A relative region's room is estimated as the
    /// cells within its distance of every anchor instance on an open grid (a diamond of 2d(d+1) cells each).
    /// The binder has refused cycles of anchors (MS2035), so every group finds its turn.
    /// </summary>
    private static PlacementGroup[] PlacementOrder(List<PlacementGroup> list, int cellCount)
    {
        int Room(PlacementGroup g) => !g.Relative ? g.RegionCells.Length
            : (int)Math.Min(cellCount, RegionMath.AddingParts(g.Region).Sum(p => p switch
            {
                NearRegion n => 2L * n.Distance * (n.Distance + 1) * list.First(a => a.Name == n.Anchor).Count,
                OnRegion o => list.First(a => a.Name == o.Anchor).Count,
                _ => 0L,
            }));
        var pending = list.OrderBy(g => g.FixedCells is null ? 1 : 0).ThenBy(g => Room(g) - g.Count).ThenBy(g => g.Order).ToList();
        var placed = new List<PlacementGroup>(pending.Count);
        while (pending.Count > 0)
        {
            var next = pending.FindIndex(g => g.Anchors.All(a => placed.Any(p => p.Name == a)));
            if (next < 0)
            {
                throw new InvalidOperationException($"spawn regions near one another in a cycle: {string.Join(", ", pending.Select(g => g.Name))}");
            }
            placed.Add(pending[next]);
            pending.RemoveAt(next);
        }
        return [.. placed];
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
    /// <param name="Relative">The region is measured from <paramref name="Anchors"/>, placed before this group.</param>
    private sealed record PlacementGroup(string Name, int FirstItem, int Count, RegionModel Region, int[] RegionCells, int[]? FixedCells, int Order, bool Relative, string[] Anchors)
    {
        /// <summary>The region is <c>on(...)</c>: its items go on cells their anchors hold (the binder allows no other cells in it, MS2039).</summary>
        public bool Stacks { get; init; }
    }
}
