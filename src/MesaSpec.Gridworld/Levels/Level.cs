namespace MesaSpec.Gridworld.Levels;

/// <summary>
/// One level: walls, the agent's start cell and the cell of every item (cells are <c>y * Width + x</c>; items placed
/// <c>on</c> others share their cells).
/// Filled by <see cref="LevelGenerator"/>; a level buffer owned by an environment slot is refilled in
/// place on reset so that fresh levels cost no allocation. Treat a level you did not generate as read-only.
/// </summary>
public sealed class Level
{
    internal Level(ItemKinds items, int width, int height)
    {
        Items = items;
        Width = width;
        Height = height;
        Walls = new bool[width * height];
        ItemsAt = new ulong[width * height];
        ItemCells = new int[items.ItemCount];
    }

    public ItemKinds Items { get; }

    public int Width { get; }

    public int Height { get; }

    public int CellCount => Width * Height;

    /// <summary>True for a wall cell.</summary>
    public bool[] Walls { get; }

    /// <summary>
    /// The items at each cell, as a mask of item indices (0 for none). Several items share a cell when one spawns
    /// <c>on</c> another; an entity is listed at its spawn cell only (its cell in an episode is its own).
    /// </summary>
    public ulong[] ItemsAt { get; }

    /// <summary>The cell of each item index.</summary>
    public int[] ItemCells { get; }

    public int AgentCell { get; internal set; }

    /// <summary>
    /// The seed of the level's own stream (from its generation), which seeds the random moves of its items
    /// (<c>wander</c>): the same level replays the same way.
    /// </summary>
    public ulong StreamSeed { get; internal set; }

    /// <summary>Every item present, as the start-of-episode item mask.</summary>
    public ulong AllItems => Items.ItemCount == 64 ? ulong.MaxValue : (1UL << Items.ItemCount) - 1;

    public int Cell(int x, int y) => y * Width + x;

    public bool IsWall(int x, int y) => Walls[y * Width + x];

    /// <summary>A copy with the agent starting at <paramref name="cell"/> (for asking a policy what it would do from every cell).</summary>
    public Level WithAgentAt(int cell)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cell);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cell, CellCount);
        var copy = Clone();
        copy.AgentCell = cell;
        return copy;
    }

    /// <summary>A copy that later refills of this buffer do not touch.</summary>
    public Level Clone()
    {
        var copy = new Level(Items, Width, Height) { AgentCell = AgentCell, StreamSeed = StreamSeed };
        Walls.CopyTo(copy.Walls, 0);
        ItemsAt.CopyTo(copy.ItemsAt, 0);
        ItemCells.CopyTo(copy.ItemCells, 0);
        return copy;
    }
}
