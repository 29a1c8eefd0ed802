using MesaSpec.Gridworld.Dynamics;

namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// The states a plan's values are indexed by, with each step's rewards for the scored objectives: a level's states
/// (<see cref="LevelStateGraph"/>) together with which scored objectives have ended (<see cref="PlannerState.Finished"/>)
/// and their reward counters (<see cref="PlannerState.Counters"/>). When no scored objective counts its rewards or ends
/// before the episode does (most objectives), those are always 0 and the space is the graph's own states, its steps
/// reused as they are; otherwise the combinations are enumerated breadth-first over the graph's steps, as the planner
/// always did, without running the rules again.
/// </summary>
internal sealed class ScoredStateSpace
{
    private readonly LevelStateGraph graph;
    private readonly Dictionary<(int Level, int Finished, ulong Counters), int>? combined; // null: the graph's states

    private ScoredStateSpace(LevelStateGraph graph, Dictionary<(int, int, ulong), int>? combined, int count, int[] next, double[][] rewards, int[] depth)
    {
        this.graph = graph;
        this.combined = combined;
        Count = count;
        Next = next;
        Rewards = rewards;
        ObjectiveCount = rewards.Length;
        ReachableWithin = ReachableWithinEachTime(depth, count, graph.Horizon);
    }

    public int Count { get; }

    public int ObjectiveCount { get; }

    /// <summary><c>[state * 4 + action]</c>: the next state, -1 when the step ends the episode or the state is at the horizon.</summary>
    public int[] Next { get; }

    /// <summary><c>[k][state * 4 + action]</c>: what the step pays scored objective k.</summary>
    public double[][] Rewards { get; }

    /// <summary><c>[t]</c>: states 0 to n-1 can occur at time t (breadth-first order is by the earliest time).</summary>
    public int[] ReachableWithin { get; }

    /// <summary>The id of a state as an episode sees it, or -1 when it cannot be reached.</summary>
    public int Find(int cell, ulong alive, ulong held, int finished, int step, ulong entities, ulong counters, int memory = 0)
    {
        var s = graph.Find(cell, alive, held, entities, step, memory);
        if (s < 0)
        {
            return -1;
        }
        if (combined is null)
        {
            return finished == 0 && counters == 0 ? s : -1;
        }
        return combined.TryGetValue((s, finished, counters), out var id) ? id : -1;
    }

    /// <summary>
    /// The space of <paramref name="scored"/> on <paramref name="graph"/>; past <paramref name="cap"/> states, <paramref name="refusal"/>.
    /// <paramref name="paid"/> keeps each objective's rewards on the graph's steps for the next plan of the same graph
    /// (null for an objective that ends on its own, which the graph's states cannot say).
    /// </summary>
    public static ScoredStateSpace Build(LevelStateGraph graph, IReadOnlyList<CompiledObjective> scored, int cap,
        Func<int, PlannerLimitExceededException> refusal, Dictionary<CompiledObjective, double[]?> paid, CancellationToken cancellationToken)
    {
        if (graph.Count > cap)
        {
            throw refusal(cap);
        }
        return OnTheGraph(graph, scored, paid) ?? Combined(graph, scored, cap, refusal, cancellationToken);
    }

    /// <summary>The graph's own states with the objectives' rewards, or null when an objective counts or ends on its own.</summary>
    private static ScoredStateSpace? OnTheGraph(LevelStateGraph graph, IReadOnlyList<CompiledObjective> scored, Dictionary<CompiledObjective, double[]?> paid)
    {
        var rewards = new double[scored.Count][];
        for (var j = 0; j < scored.Count; j++)
        {
            if (!paid.TryGetValue(scored[j], out var column))
            {
                column = scored[j].HasCounters ? null : PaidOnTheGraph(graph, scored[j]);
                paid.Add(scored[j], column);
            }
            if (column is null)
            {
                return null;
            }
            rewards[j] = column;
        }
        return new ScoredStateSpace(graph, null, graph.Count, graph.Next, rewards, graph.Depth);
    }

    /// <summary>What each of the graph's steps pays <paramref name="objective"/>, or null when it ends while the episode goes on.</summary>
    private static double[]? PaidOnTheGraph(LevelStateGraph graph, CompiledObjective objective)
    {
        var reward = new double[graph.Count * GridRules.ActionCount];
        var outcomes = graph.Outcomes;
        for (var s = 0; s < graph.Count; s++)
        {
            if (!graph.Expanded(s))
            {
                continue;
            }
            for (var tr = s * GridRules.ActionCount; tr < (s + 1) * GridRules.ActionCount; tr++)
            {
                reward[tr] = objective.Score(outcomes[tr], out var ends);
                if (ends && graph.Next[tr] >= 0)
                {
                    return null; // its end is part of the state
                }
            }
        }
        return reward;
    }

    private static ScoredStateSpace Combined(LevelStateGraph graph, IReadOnlyList<CompiledObjective> scored, int cap,
        Func<int, PlannerLimitExceededException> refusal, CancellationToken cancellationToken)
    {
        var k = scored.Count;
        var offsets = CounterOffsets(scored);
        var states = new BreadthFirstStates<(int Level, int Finished, ulong Counters)>((0, 0, 0), cap, refusal);
        var next = new List<int>();
        var rewards = Enumerable.Range(0, k).Select(_ => new List<double>()).ToArray();
        for (var s = 0; s < states.Count; s++)
        {
            if ((s & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var (level, finishedBefore, countersBefore) = states[s];
            if (states.DepthOf(s) >= graph.Horizon)
            {
                for (var a = 0; a < GridRules.ActionCount; a++)
                {
                    next.Add(-1);
                    for (var j = 0; j < k; j++) rewards[j].Add(0);
                }
                continue;
            }
            for (var tr = level * GridRules.ActionCount; tr < (level + 1) * GridRules.ActionCount; tr++)
            {
                var finished = finishedBefore;
                ulong counters = 0;
                for (var j = 0; j < k; j++)
                {
                    var bits = scored[j].CounterWordBits;
                    var own = bits == 0 ? 0 : (countersBefore >> offsets[j]) & (bits == 64 ? ulong.MaxValue : (1UL << bits) - 1);
                    if ((finished & (1 << j)) != 0)
                    {
                        rewards[j].Add(0);
                        counters |= own << offsets[j];
                        continue;
                    }
                    rewards[j].Add(scored[j].Score(graph.Outcomes[tr], ref own, out var ends));
                    counters |= own << offsets[j];
                    if (ends)
                    {
                        finished |= 1 << j;
                    }
                }
                var n = graph.Next[tr];
                if (n < 0)
                {
                    next.Add(-1);
                    continue;
                }
                next.Add(states.Successor((n, finished, counters), s));
            }
        }
        return new ScoredStateSpace(graph, states.Ids, states.Count, [.. next], [.. rewards.Select(r => r.ToArray())], states.Depths());
    }

    /// <summary>
    /// Where each scored objective's counter word starts in a state's counters (side by side); refuses objectives
    /// whose counters do not fit one word together.
    /// </summary>
    public static int[] CounterOffsets(IReadOnlyList<CompiledObjective> scored)
    {
        var offsets = new int[scored.Count];
        var counterBits = 0;
        for (var j = 0; j < scored.Count; j++)
        {
            offsets[j] = counterBits;
            counterBits += scored[j].CounterWordBits;
        }
        if (counterBits > 64)
        {
            throw PlannerLimitExceededException.Unsupported($"the scored objectives count {counterBits / CompiledObjective.CounterBits} rewards together ('at most'); a planner state holds at most {64 / CompiledObjective.CounterBits}");
        }
        return offsets;
    }

    private static int[] ReachableWithinEachTime(int[] depth, int count, int horizon)
    {
        var reachableWithin = new int[horizon + 1];
        for (int t = 0, s = 0; t <= horizon; t++)
        {
            while (s < count && depth[s] <= t) s++;
            reachableWithin[t] = s;
        }
        return reachableWithin;
    }
}
