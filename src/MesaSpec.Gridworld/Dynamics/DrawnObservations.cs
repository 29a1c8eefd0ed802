using MesaSpec.Gridworld.Levels;

namespace MesaSpec.Gridworld.Dynamics;

/// <summary>
/// The full-grid observations of a vector environment's slots, kept in one buffer of their own together with the state
/// each was drawn from, so that bringing one up to date rewrites only what changed since (<see cref="ObservationWriter.Update"/>)
/// and a slot is written whole only in a new episode. The buffer is the environment's, not a caller's: nobody else writes
/// it, so what is in it is always the drawn state's observation.
/// </summary>
public sealed class DrawnObservations
{
    private readonly ObservationWriter writer;
    private readonly int size;
    private readonly int entityCount;
    private readonly float[] buffer;
    private readonly long[] episode;   // the serial of the episode each slot was drawn in, -1 before the first
    private readonly int[] agentCell;
    private readonly ulong[] alive;
    private readonly ulong[] held;
    private readonly int[] entityCells; // [slot * entityCount + entity]

    public DrawnObservations(ObservationWriter writer, int count, int entityCount)
    {
        if (!writer.Updates)
        {
            throw new ArgumentException("a window observation is written whole every step, not kept", nameof(writer));
        }
        this.writer = writer;
        this.entityCount = entityCount;
        size = writer.Shape.Size;
        buffer = new float[count * size];
        episode = new long[count];
        Array.Fill(episode, -1L);
        agentCell = new int[count];
        alive = new ulong[count];
        held = new ulong[count];
        entityCells = new int[count * entityCount];
    }

    /// <summary>Every slot's observation as last brought up to date, slot after slot.</summary>
    public ReadOnlySpan<float> All => buffer;

    /// <summary>Brings the slot's observation up to the state of its episode <paramref name="serial"/> now and returns it.</summary>
    public ReadOnlySpan<float> Refresh(int slot, long serial, Level level, int agent, ulong aliveItems, ulong heldItems, ReadOnlySpan<int> entities)
    {
        var observation = buffer.AsSpan(slot * size, size);
        var drawnEntities = entityCells.AsSpan(slot * entityCount, entityCount);
        if (episode[slot] != serial)
        {
            writer.Write(level, agent, aliveItems, heldItems, entities, observation);
            episode[slot] = serial;
        }
        else
        {
            writer.Update(level, agentCell[slot], alive[slot], held[slot], drawnEntities, agent, aliveItems, heldItems, entities, observation);
        }
        agentCell[slot] = agent;
        alive[slot] = aliveItems;
        held[slot] = heldItems;
        entities.CopyTo(drawnEntities);
        return observation;
    }
}
