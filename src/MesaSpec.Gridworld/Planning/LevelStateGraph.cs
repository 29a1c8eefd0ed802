using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;

namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// Where the agent, the items and the entities of one level can be within the horizon under one objective's episode
/// rules, and every step between those states with what happened on it (<see cref="StepOutcome"/>). It holds no
/// objective's rewards, so several scored objectives are planned on one enumeration: the rules of the level
/// (<see cref="GridRules.Apply(Level, int[], int, ref int, ref ulong, ref ulong, int[], int[], int, Movements.MovementGrid?, Language.Catalogue.IRandomSource?, int)"/>)
/// are run once per state and action, not once per objective. States are in breadth-first order, so by the earliest
/// time they occur; their <see cref="PlannerState.Finished"/> and <see cref="PlannerState.Counters"/> are 0 (those
/// belong to the scored objectives, <see cref="ScoredStateSpace"/>).
/// </summary>
internal sealed class LevelStateGraph
{
    private readonly Dictionary<PlannerState, int> ids;
    private readonly List<StepOutcome> outcomes; // kept as enumerated, not copied into an array: at 64 bytes a step the copy showed in profiles

    private LevelStateGraph(Dictionary<PlannerState, int> ids, int[] depth, int[] next, List<StepOutcome> outcomes, int count, int horizon, ulong mutableMask, ulong heldMask, int period)
    {
        this.ids = ids;
        Depth = depth;
        Next = next;
        this.outcomes = outcomes;
        Count = count;
        Horizon = horizon;
        MutableMask = mutableMask;
        HeldMask = heldMask;
        Period = period;
    }

    public int Count { get; }

    public int Horizon { get; }

    /// <summary>The earliest time each state occurs.</summary>
    public int[] Depth { get; }

    /// <summary><c>[state * 4 + action]</c>: the next state, -1 when the step ends the episode or the state is at the horizon.</summary>
    public int[] Next { get; }

    /// <summary><c>[state * 4 + action]</c>: the step's events (default for a state at the horizon, which takes no step).</summary>
    public ReadOnlySpan<StepOutcome> Outcomes => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(outcomes);

    /// <summary>Whether the state takes steps: it occurs before the horizon.</summary>
    public bool Expanded(int state) => Depth[state] < Horizon;

    public ulong MutableMask { get; }

    public ulong HeldMask { get; }

    public int Period { get; }

    /// <summary>The id of a state as an episode sees it (all items, whatever the time), or -1 when it cannot be reached.</summary>
    public int Find(int cell, ulong alive, ulong held, ulong entities, int step, int memory = 0) =>
        ids.TryGetValue(new PlannerState(cell, alive & MutableMask, held & HeldMask, 0, entities, 0, step % Period, memory), out var s) ? s : -1;

    /// <summary>
    /// Enumerates breadth-first from the level's start. Throws <see cref="PlannerLimitExceededException"/> past
    /// <paramref name="cap"/> states (<paramref name="refusal"/> says why) and when the level's entities do not fit a state.
    /// </summary>
    public static LevelStateGraph Enumerate(Level level, int[] neighbours, CompiledObjective terminating, int horizon, int cap,
        Func<int, PlannerLimitExceededException> refusal, CancellationToken cancellationToken)
    {
        var items = level.Items;
        EntityPacking.CheckFits(level);
        var entityCount = items.EntityCount;
        var entityCells = new int[entityCount];
        var entityMemory = new int[entityCount]; // every movement's memory starts at 0
        // Movements read the step only modulo their period, so the phase stands in for it in Apply.
        var period = items.MovementPeriod;
        var grid = entityCount > 0 ? new Movements.MovementGrid(level.Width, level.Height, neighbours) : null;
        for (var e = 0; e < entityCount; e++)
        {
            entityCells[e] = level.ItemCells[items.EntityItems[e]];
        }
        var fixedItems = level.AllItems & ~items.MutableMask;
        var start = new PlannerState(level.AgentCell, level.AllItems & items.MutableMask, 0, 0, EntityPacking.Pack(entityCells, level.AllItems, items), 0);
        // Room for the states the level can have at most, up to a size that costs little when far fewer are reached.
        var capacity = (int)Math.Min(Math.Min(PlannerStateEstimate.UpperBound(level, horizon, terminating.Objective, []), cap), 1 << 15);
        var states = new BreadthFirstStates<PlannerState>(start, cap, refusal, capacity);
        var next = new List<int>(capacity * GridRules.ActionCount);
        var outcomes = new List<StepOutcome>(capacity * GridRules.ActionCount);
        for (var s = 0; s < states.Count; s++)
        {
            if ((s & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var state = states[s];
            if (states.DepthOf(s) >= horizon)
            {
                for (var a = 0; a < GridRules.ActionCount; a++)
                {
                    next.Add(-1);
                    outcomes.Add(default);
                }
                continue;
            }
            for (var a = 0; a < GridRules.ActionCount; a++)
            {
                int cell = state.Cell;
                ulong alive = state.Alive | fixedItems, held = state.Held;
                EntityPacking.Unpack(state.Entities, entityCells, 0, entityCount);
                EntityPacking.UnpackMemory(state.Memory, entityMemory, 0, items);
                var outcome = GridRules.Apply(level, neighbours, a, ref cell, ref alive, ref held, entityCells, entityMemory, 0, grid, null, state.Phase);
                outcomes.Add(outcome);
                ulong unused = 0; // the episode's rules are its end conditions, which read no counter
                terminating.Score(outcome, ref unused, out var ends);
                if (ends || outcome.EndsEpisode)
                {
                    next.Add(-1);
                    continue;
                }
                var successor = new PlannerState(cell, alive & items.MutableMask, held, 0, EntityPacking.Pack(entityCells, alive, items), 0, (state.Phase + 1) % period,
                    EntityPacking.PackMemory(entityMemory, alive, items));
                next.Add(states.Successor(successor, s));
            }
        }
        return new LevelStateGraph(states.Ids, states.Depths(), [.. next], outcomes, states.Count, horizon, items.MutableMask, items.HeldMask, period);
    }
}
