using MesaSpec.Gridworld.Levels;

namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// The cells of a level's entities packed into one 64-bit word of a planner state: 8 bits per entity, so at most 8
/// entities on grids of at most 256 cells; an entity that is gone (a destroyed monster) packs as 0, so states that
/// differ only in where a gone entity was are one state. Their movements' memory packs into one more word, a number in
/// mixed radix (entity e's digit below <see cref="ItemKinds.EntityMemoryStates"/>[e]); a gone entity's digit is 0 too.
/// </summary>
public static class EntityPacking
{
    public const int MaxEntities = 8;

    public const int MaxCells = 256;

    public static ulong Pack(ReadOnlySpan<int> cells, ulong alive, ItemKinds items)
    {
        ulong packed = 0;
        var entities = items.EntityItems;
        for (var e = 0; e < cells.Length && e < MaxEntities; e++)
        {
            if ((alive & (1UL << entities[e])) != 0)
            {
                packed |= (ulong)(uint)cells[e] << (8 * e);
            }
        }
        return packed;
    }

    public static void Unpack(ulong packed, int[] cells, int offset, int count)
    {
        for (var e = 0; e < count; e++)
        {
            cells[offset + e] = (int)((packed >> (8 * e)) & 0xFF);
        }
    }

    public static int PackMemory(ReadOnlySpan<int> memory, ulong alive, ItemKinds items)
    {
        int packed = 0, radix = 1;
        var states = items.EntityMemoryStates;
        for (var e = 0; e < memory.Length; e++)
        {
            if ((alive & (1UL << items.EntityItems[e])) != 0)
            {
                packed += memory[e] * radix;
            }
            radix *= states[e];
        }
        return packed;
    }

    public static void UnpackMemory(int packed, int[] memory, int offset, ItemKinds items)
    {
        var states = items.EntityMemoryStates;
        for (var e = 0; e < states.Length; e++)
        {
            memory[offset + e] = packed % states[e];
            packed /= states[e];
        }
    }

    /// <summary>Refuses levels whose entities do not fit a state word.</summary>
    public static void CheckFits(Level level)
    {
        var items = level.Items;
        if (items.EntityCount > MaxEntities || (items.EntityCount > 0 && level.CellCount > MaxCells))
        {
            throw PlannerLimitExceededException.Unsupported(
                $"{items.EntityCount} moving items or monsters on a {level.Width} x {level.Height} grid; a planner state holds at most {MaxEntities} of them, on grids of at most {MaxCells} cells");
        }
        if (items.EntityMemoryStates.Aggregate(1.0, (product, states) => product * states) > int.MaxValue)
        {
            throw PlannerLimitExceededException.Unsupported(
                $"the moving items remember {string.Join(" x ", items.EntityMemoryStates)} combinations (their routes); a planner state holds at most {int.MaxValue:N0}");
        }
        if (items.StochasticKind is { } random)
        {
            throw PlannerLimitExceededException.Unsupported(
                $"item '{random.Kind}' moves at random ('{random.Movement!.Name}') and the planner enumerates deterministic moves only (MS3030)");
        }
    }
}
