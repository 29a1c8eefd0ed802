using System.Runtime.CompilerServices;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Dynamics;

/// <summary>
/// The transition rules, shared by the batched environment and the planner so both mean the same thing.
/// Actions: 0 up, 1 right, 2 down, 3 left. Walls and grid edges block (the agent stays, no event).
/// Entering a cell reaches it and the item on it. Collectables and keys are collected (keys go to the
/// inventory); a chest is opened, using up a key, when a matching key is held (a key naming the chest's
/// kind before a universal one, lowest item index first), and otherwise stays closed but can be stood on;
/// a hazard is touched (the caller ends the episode); a static item only fires Reaches.
/// Reaching fires on entering, not on staying: bumping into a wall next to an item does not reach it again.
/// </summary>
public static class GridRules
{
    public const int ActionCount = 4;

    private static readonly int[] Dx = [0, 1, 0, -1];
    private static readonly int[] Dy = [-1, 0, 1, 0];

    /// <summary>Target cell of each (cell, action) on a width x height grid, -1 off the grid: <c>table[cell * 4 + action]</c>.</summary>
    public static int[] NeighbourTable(int width, int height)
    {
        var table = new int[width * height * ActionCount];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var a = 0; a < ActionCount; a++)
                {
                    int nx = x + Dx[a], ny = y + Dy[a];
                    table[(y * width + x) * ActionCount + a] = nx < 0 || ny < 0 || nx >= width || ny >= height ? -1 : ny * width + nx;
                }
            }
        }
        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StepOutcome Apply(Level level, int[] neighbours, int action, ref int agentCell, ref ulong alive, ref ulong held)
    {
        var target = neighbours[agentCell * ActionCount + action];
        if (target < 0 || level.Walls[target])
        {
            return StepOutcome.Blocked;
        }
        agentCell = target;
        int item = level.ItemAt[target];
        if (item < 0 || (alive & (1UL << item)) == 0)
        {
            return new StepOutcome(target, -1, ItemEffect.None);
        }
        var items = level.Items;
        var bit = 1UL << item;
        switch (items.Behaviour[items.KindOfItem[item]])
        {
            case ItemBehaviour.Collectable:
                alive &= ~bit;
                return new StepOutcome(target, item, ItemEffect.Collected);
            case ItemBehaviour.Key:
                alive &= ~bit;
                held |= bit;
                return new StepOutcome(target, item, ItemEffect.Collected);
            case ItemBehaviour.Chest:
                var keys = held & items.SpecificKeys[item];
                if (keys == 0)
                {
                    keys = held & items.UniversalKeys[item];
                }
                if (keys == 0)
                {
                    return new StepOutcome(target, item, ItemEffect.None);
                }
                held &= ~(keys & (~keys + 1)); // the lowest matching key
                alive &= ~bit;
                return new StepOutcome(target, item, ItemEffect.Opened);
            case ItemBehaviour.Hazard:
                return new StepOutcome(target, item, ItemEffect.Touched);
            default:
                return new StepOutcome(target, item, ItemEffect.None);
        }
    }
}
