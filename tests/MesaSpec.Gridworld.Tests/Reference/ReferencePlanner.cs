using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;

namespace MesaSpec.Gridworld.Tests.Reference;

/// <summary>The optimal returns from the start and the number of states of a <see cref="ReferencePlanner"/> plan.</summary>
internal sealed record ReferencePlan(double[] Returns, int StateCount);

/// <summary>
/// The exact planner as it was before the state graph was shared between objectives and the backup kept two times
/// (main at 14cc4d1): one breadth-first enumeration of (cell, items, held, finished, entities, counters, phase) per
/// plan, through GridRules, and a value table over every time. Kept as the reference the planner must equal.
/// </summary>
internal static class ReferencePlanner
{
    public static ReferencePlan Solve(Level level, int[] neighbours, CompiledObjective terminating, IReadOnlyList<CompiledObjective> scored, int horizon,
        int? maxStates = null, double discount = 1, CancellationToken cancellationToken = default)
    {
        if (discount is < 0 or > 1 || double.IsNaN(discount))
        {
            throw new ArgumentOutOfRangeException(nameof(discount), discount, "the discount lies in [0, 1]");
        }
        var k = scored.Count;
        if (k is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(scored), k, "the planner scores 1 to 16 objectives");
        }
        var cap = maxStates ?? PlannerMemoryBudget.MaxStates(k, horizon);
        var budget = maxStates is null ? "; " + PlannerMemoryBudget.Describe(k, horizon) : "";
        var items = level.Items;
        EntityPacking.CheckFits(level);
        var entityCount = items.EntityCount;
        var entityCells = new int[entityCount];
        var entityMemory = new int[entityCount];
        // Movements read the step only modulo their period, so the phase stands in for it in Apply.
        var period = items.MovementPeriod;
        var grid = entityCount > 0 ? new Movements.MovementGrid(level.Width, level.Height, neighbours) : null;
        // Each scored objective's counter word, side by side in the state's counters.
        var offsets = new int[k];
        var counterBits = 0;
        for (var j = 0; j < k; j++)
        {
            offsets[j] = counterBits;
            counterBits += scored[j].CounterWordBits;
        }
        if (counterBits > 64)
        {
            throw PlannerLimitExceededException.Unsupported($"the scored objectives count {counterBits / CompiledObjective.CounterBits} rewards together ('at most'); a planner state holds at most {64 / CompiledObjective.CounterBits}");
        }
        for (var e = 0; e < entityCount; e++)
        {
            entityCells[e] = level.ItemCells[items.EntityItems[e]];
        }
        var ids = new Dictionary<PlannerState, int>();
        var states = new List<PlannerState>();
        var depth = new List<int>();
        var next = new List<int>();
        var reward = new List<double>();
        var start = new PlannerState(level.AgentCell, level.AllItems & items.MutableMask, 0, 0, EntityPacking.Pack(entityCells, level.AllItems, items), 0);
        ids.Add(start, 0);
        states.Add(start);
        depth.Add(0);
        for (var s = 0; s < states.Count; s++)
        {
            if ((s & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var state = states[s];
            var expand = depth[s] < horizon;
            for (var a = 0; a < GridRules.ActionCount; a++)
            {
                if (!expand)
                {
                    next.Add(-1);
                    for (var j = 0; j < k; j++) reward.Add(0);
                    continue;
                }
                int cell = state.Cell;
                ulong alive = state.Alive | (level.AllItems & ~items.MutableMask), held = state.Held;
                EntityPacking.Unpack(state.Entities, entityCells, 0, entityCount);
                EntityPacking.UnpackMemory(state.Memory, entityMemory, 0, items);
                var outcome = GridRules.Apply(level, neighbours, a, ref cell, ref alive, ref held, entityCells, entityMemory, 0, grid, null, state.Phase);
                ulong unused = 0; // the episode's rules are its end conditions, which read no counter
                terminating.Score(outcome, ref unused, out var ends);
                var terminal = ends || outcome.EndsEpisode;
                var finished = state.Finished;
                ulong counters = 0;
                for (var j = 0; j < k; j++)
                {
                    var bits = scored[j].CounterWordBits;
                    var own = bits == 0 ? 0 : (state.Counters >> offsets[j]) & (bits == 64 ? ulong.MaxValue : (1UL << bits) - 1);
                    if ((finished & (1 << j)) != 0)
                    {
                        reward.Add(0);
                        counters |= own << offsets[j];
                        continue;
                    }
                    reward.Add(scored[j].Score(outcome, ref own, out var endsJ));
                    counters |= own << offsets[j];
                    if (endsJ)
                    {
                        finished |= 1 << j;
                    }
                }
                if (terminal)
                {
                    next.Add(-1);
                    continue;
                }
                var successor = new PlannerState(cell, alive & items.MutableMask, held, finished, EntityPacking.Pack(entityCells, alive, items), counters, (state.Phase + 1) % period,
                    EntityPacking.PackMemory(entityMemory, alive, items));
                if (!ids.TryGetValue(successor, out var id))
                {
                    id = states.Count;
                    if (id >= cap)
                    {
                        throw new PlannerLimitExceededException(id, cap, $"{items.ItemCount} items{(entityCount > 0 ? $" ({entityCount} moving or monsters)" : "")}, {level.Width} x {level.Height} grid{budget}");
                    }
                    ids.Add(successor, id);
                    states.Add(successor);
                    depth.Add(depth[s] + 1);
                }
                next.Add(id);
            }
        }
        var stateCount = states.Count;
        var values = Backup(next.ToArray(), reward.ToArray(), depth, stateCount, k, horizon, discount);
        return new ReferencePlan(values.AsSpan(0, k).ToArray(), stateCount);
    }

    private static double[] Backup(int[] next, double[] reward, List<int> depth, int stateCount, int k, int horizon, double discount)
    {
        var values = new double[(long)(horizon + 1) * stateCount * k];
        // reachableWithin[t]: states 0..n-1 can occur at time t (BFS order is by depth).
        var reachableWithin = new int[horizon + 1];
        for (int t = 0, s = 0; t <= horizon; t++)
        {
            while (s < stateCount && depth[s] <= t) s++;
            reachableWithin[t] = s;
        }
        Span<double> best = stackalloc double[k];
        Span<double> q = stackalloc double[k];
        for (var t = horizon - 1; t >= 0; t--)
        {
            var now = (long)t * stateCount * k;
            var later = (long)(t + 1) * stateCount * k;
            for (var s = 0; s < reachableWithin[t]; s++)
            {
                for (var a = 0; a < GridRules.ActionCount; a++)
                {
                    var tr = s * GridRules.ActionCount + a;
                    var n = next[tr];
                    for (var j = 0; j < k; j++)
                    {
                        q[j] = reward[tr * k + j] + (n >= 0 ? discount * values[later + (long)n * k + j] : 0);
                    }
                    if (a == 0 || Better(q, best))
                    {
                        q.CopyTo(best);
                    }
                }
                best.CopyTo(values.AsSpan((int)(now + (long)s * k), k));
            }
        }
        return values;
    }

    private static bool Better(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        for (var k = 0; k < a.Length; k++)
        {
            var d = a[k] - b[k];
            if (d > Plan.Tolerance)
            {
                return true;
            }
            if (d < -Plan.Tolerance)
            {
                return false;
            }
        }
        return false;
    }
}
