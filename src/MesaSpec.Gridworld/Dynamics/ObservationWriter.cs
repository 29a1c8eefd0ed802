using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Dynamics;

/// <summary>
/// Writes one episode's observation, channels-first, in the channels of an <see cref="ObservationLayout"/>:
/// 0 walls (and, in a window, everything off the grid), 1 the agent, then the item feature channels (each item
/// still present lights its colour and shape channels, or its kind's channel when it has neither; items sharing a cell
/// light all of theirs there), then one
/// inventory plane per kind the agent can hold (keys, shields) holding the number carried (so an agent can see what it
/// holds), then the cue planes (the environment's own cue lit on every cell, the others dark). An entity (a moving item,
/// a monster) is drawn at its own cell of the episode, not its level cell.
/// </summary>
public sealed class ObservationWriter
{
    private readonly int window; // 0 for the full grid
    private readonly int[] itemChannelStart; // per item index: its first entry in itemChannels
    private readonly int[] itemChannels;     // the channels each item lights, item after item
    private readonly int[] inventoryChannel; // per item index: its inventory plane (keys), else -1
    private readonly int cueChannel;         // the environment's cue plane, else -1

    public ObservationWriter(EnvironmentModel environment, ItemKinds items)
        : this(environment, items, ObservationLayout.For(environment))
    {
    }

    public ObservationWriter(EnvironmentModel environment, ItemKinds items, ObservationLayout layout)
    {
        Layout = layout;
        itemChannelStart = new int[items.ItemCount + 1];
        var flat = new List<int>();
        inventoryChannel = new int[items.ItemCount];
        for (var i = 0; i < items.ItemCount; i++)
        {
            var kind = items.Kinds[items.KindOfItem[i]];
            itemChannelStart[i] = flat.Count;
            flat.AddRange(layout.ChannelsOf(kind));
            inventoryChannel[i] = layout.InventoryChannelOf(kind);
        }
        itemChannelStart[items.ItemCount] = flat.Count;
        itemChannels = [.. flat];
        cueChannel = layout.CueChannelOf(environment);
        var channels = layout.Channels;
        switch (environment.Observation)
        {
            case WindowObservation w:
                if (w.Size < 1 || w.Size % 2 == 0)
                {
                    throw new LevelGenerationException(environment.Name, "observation", null,
                        $"environment '{environment.Name}': the observation window must have an odd size of at least 1, got {w.Size}");
                }
                window = w.Size;
                Shape = new ObservationShape(channels, w.Size, w.Size);
                break;
            default:
                Shape = new ObservationShape(channels, environment.Height, environment.Width);
                break;
        }
    }

    public ObservationShape Shape { get; }

    public ObservationLayout Layout { get; }

    /// <summary>The observation of a level without entities.</summary>
    public void Write(Level level, int agentCell, ulong alive, ulong held, Span<float> destination) =>
        Write(level, agentCell, alive, held, [], destination);

    /// <summary>One episode's observation; <paramref name="entityCells"/> holds its entities' cells (<see cref="ItemKinds.EntityItems"/>).</summary>
    public void Write(Level level, int agentCell, ulong alive, ulong held, ReadOnlySpan<int> entityCells, Span<float> destination)
    {
        if (window == 0)
        {
            WriteFull(level, agentCell, alive, entityCells, destination);
        }
        else
        {
            destination.Clear();
            WriteWindow(level, agentCell, alive, entityCells, destination);
        }
        WriteInventory(held, destination);
        if (cueChannel >= 0)
        {
            var plane = Shape.Height * Shape.Width;
            destination.Slice(cueChannel * plane, plane).Fill(1f);
        }
    }

    private void WriteFull(Level level, int agentCell, ulong alive, ReadOnlySpan<int> entityCells, Span<float> destination)
    {
        var plane = Shape.Height * Shape.Width;
        // The wall plane converted from the level's bytes (a bool is stored as 0 or 1) in vector instructions: a branch
        // per cell mispredicted on a maze's walls often enough to cost more than the step, and clearing the plane first
        // wrote it twice. Every other plane is cleared and gets the few cells its items light.
        TensorPrimitives.ConvertTruncating<byte, float>(MemoryMarshal.Cast<bool, byte>(level.Walls.AsSpan(0, plane)), destination[..plane]);
        destination[plane..].Clear();
        destination[plane + agentCell] = 1f;
        var cells = level.ItemCells;
        var entityOf = level.Items.EntityOfItem;
        for (var remaining = alive; remaining != 0; remaining &= remaining - 1)
        {
            var item = System.Numerics.BitOperations.TrailingZeroCount(remaining);
            var cell = entityOf[item] >= 0 ? entityCells[entityOf[item]] : cells[item];
            for (var c = itemChannelStart[item]; c < itemChannelStart[item + 1]; c++)
            {
                destination[itemChannels[c] * plane + cell] = 1f;
            }
        }
    }

    private void WriteWindow(Level level, int agentCell, ulong alive, ReadOnlySpan<int> entityCells, Span<float> destination)
    {
        var plane = window * window;
        var half = window / 2;
        int ax = agentCell % level.Width, ay = agentCell / level.Width;
        for (var wy = 0; wy < window; wy++)
        {
            var y = ay + wy - half;
            for (var wx = 0; wx < window; wx++)
            {
                var x = ax + wx - half;
                var at = wy * window + wx;
                if (x < 0 || y < 0 || x >= level.Width || y >= level.Height)
                {
                    destination[at] = 1f;
                    continue;
                }
                var cell = y * level.Width + x;
                if (level.Walls[cell])
                {
                    destination[at] = 1f;
                }
                // Every item on the cell lights its channels (a cheese on a dish lights both).
                for (var here = level.ItemsAt[cell] & alive & ~level.Items.EntityMask; here != 0; here &= here - 1)
                {
                    var item = System.Numerics.BitOperations.TrailingZeroCount(here);
                    for (var c = itemChannelStart[item]; c < itemChannelStart[item + 1]; c++)
                    {
                        destination[itemChannels[c] * plane + at] = 1f;
                    }
                }
            }
        }
        var entities = level.Items.EntityItems;
        for (var e = 0; e < entities.Length; e++)
        {
            var item = entities[e];
            int x = entityCells[e] % level.Width - ax + half, y = entityCells[e] / level.Width - ay + half;
            if ((alive & (1UL << item)) == 0 || x < 0 || y < 0 || x >= window || y >= window)
            {
                continue;
            }
            for (var c = itemChannelStart[item]; c < itemChannelStart[item + 1]; c++)
            {
                destination[itemChannels[c] * plane + y * window + x] = 1f;
            }
        }
        destination[plane + half * window + half] = 1f;
    }

    private void WriteInventory(ulong held, Span<float> destination)
    {
        if (held == 0)
        {
            return;
        }
        var plane = Shape.Height * Shape.Width;
        for (var remaining = held; remaining != 0; remaining &= remaining - 1)
        {
            var item = System.Numerics.BitOperations.TrailingZeroCount(remaining);
            var channel = inventoryChannel[item];
            destination.Slice(channel * plane, plane).Fill(destination[channel * plane] + 1f);
        }
    }
}
