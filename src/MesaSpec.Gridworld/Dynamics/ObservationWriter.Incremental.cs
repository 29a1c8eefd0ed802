using System.Numerics;
using MesaSpec.Gridworld.Levels;

namespace MesaSpec.Gridworld.Dynamics;

/// <summary>
/// Bringing a full-grid observation up to date instead of redrawing it: within an episode the walls stay and a step
/// changes a handful of cells, so rewriting those is what an observation costs per step (clearing and redrawing the
/// whole grid cost more than the step itself). A window moves with the agent, so everything in it moves too: it is
/// written whole every step (<see cref="Updates"/> is false).
/// </summary>
public sealed partial class ObservationWriter
{
    /// <summary>Whether <see cref="Update"/> applies: the full grid, not a window.</summary>
    public bool Updates => window == 0;

    /// <summary>
    /// Turns <paramref name="destination"/>, the full-grid observation <see cref="Write(Level, int, ulong, ulong, ReadOnlySpan{int}, Span{float})"/>
    /// wrote of a state of this episode (the "before" arguments), into the observation of the state now, bit for bit:
    /// the agent's old and new cell, the cells of items that went or came, the old and new cells of entities that moved,
    /// and the inventory planes whose count changed.
    /// </summary>
    public void Update(Level level, int agentBefore, ulong aliveBefore, ulong heldBefore, ReadOnlySpan<int> entityCellsBefore,
        int agentCell, ulong alive, ulong held, ReadOnlySpan<int> entityCells, Span<float> destination)
    {
        var plane = Shape.Height * Shape.Width;
        if (agentBefore != agentCell)
        {
            destination[plane + agentBefore] = 0f;
            destination[plane + agentCell] = 1f;
        }
        var items = level.Items;
        var changed = aliveBefore ^ alive;
        for (var remaining = changed & ~items.EntityMask; remaining != 0; remaining &= remaining - 1)
        {
            RedrawItems(level, level.ItemCells[BitOperations.TrailingZeroCount(remaining)], alive, entityCells, destination, plane);
        }
        var entities = items.EntityItems;
        for (var e = 0; e < entities.Length; e++)
        {
            if (entityCellsBefore[e] != entityCells[e] || (changed & (1UL << entities[e])) != 0)
            {
                RedrawItems(level, entityCellsBefore[e], alive, entityCells, destination, plane);
                RedrawItems(level, entityCells[e], alive, entityCells, destination, plane);
            }
        }
        var heldChanged = heldBefore ^ held;
        for (var k = 0; heldChanged != 0 && k < inventoryItems.Length; k++)
        {
            if ((heldChanged & inventoryItems[k]) != 0)
            {
                destination.Slice((firstInventoryChannel + k) * plane, plane).Fill(BitOperations.PopCount(held & inventoryItems[k]));
            }
        }
    }

    /// <summary>
    /// Rewrites the item channels of one cell from every item present in it: channels are shared (a colour, a shape)
    /// and entities walk over items, so what another item lights there must stay lit.
    /// </summary>
    private void RedrawItems(Level level, int cell, ulong alive, ReadOnlySpan<int> entityCells, Span<float> destination, int plane)
    {
        for (var channel = ObservationLayout.FirstItemChannel; channel < firstInventoryChannel; channel++)
        {
            destination[channel * plane + cell] = 0f;
        }
        var cells = level.ItemCells;
        var entityOf = level.Items.EntityOfItem;
        for (var remaining = alive; remaining != 0; remaining &= remaining - 1)
        {
            var item = BitOperations.TrailingZeroCount(remaining);
            if ((entityOf[item] >= 0 ? entityCells[entityOf[item]] : cells[item]) != cell)
            {
                continue;
            }
            for (var c = itemChannelStart[item]; c < itemChannelStart[item + 1]; c++)
            {
                destination[itemChannels[c] * plane + cell] = 1f;
            }
        }
    }
}
