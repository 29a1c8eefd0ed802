using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;

namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// The exact planner (<see cref="Planner"/>) bound to one level under one objective's episode rules: the level's
/// reachable states are enumerated once, by the first plan that needs them, and every set of scored objectives planned
/// here reuses them (an evaluation plans each level for the base objective and once per proxy). Not thread-safe.
/// A level buffer that is refilled in place (a training slot's) needs a new one.
/// </summary>
public sealed class LevelPlanner
{
    private readonly Level level;
    private readonly int[] neighbours;
    private readonly int horizon;
    private readonly int? maxStates;
    private readonly double discount;
    private readonly CancellationToken cancellationToken;
    private LevelStateGraph? graph;
    private readonly Dictionary<CompiledObjective, double[]?> paid = []; // each objective's rewards on the graph's steps

    /// <param name="maxStates">The state cap; null: what <see cref="PlannerMemoryBudget"/> allows for the objectives of each plan and this horizon.</param>
    public LevelPlanner(Level level, int[] neighbours, CompiledObjective terminating, int horizon, int? maxStates = null, double discount = 1,
        CancellationToken cancellationToken = default)
    {
        if (discount is < 0 or > 1 || double.IsNaN(discount))
        {
            throw new ArgumentOutOfRangeException(nameof(discount), discount, "the discount lies in [0, 1]");
        }
        this.level = level;
        this.neighbours = neighbours;
        Terminating = terminating;
        this.horizon = horizon;
        this.maxStates = maxStates;
        this.discount = discount;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The objective whose end conditions and hazards end the episodes.</summary>
    public CompiledObjective Terminating { get; }

    public Level Level => level;

    /// <summary>The values of every state at every time, for choosing actions (<see cref="Plan.ChooseAction"/>).</summary>
    public Plan Solve(IReadOnlyList<CompiledObjective> scored)
    {
        var space = Space(scored);
        return new Plan(space, ValueBackup.EveryTime(space, horizon, discount, cancellationToken), horizon, discount);
    }

    /// <summary>Only the optimal returns from the start (<see cref="Plan.OptimalReturn"/> for each k), in a fraction of the memory.</summary>
    public double[] OptimalReturns(IReadOnlyList<CompiledObjective> scored) =>
        ValueBackup.FromStart(Space(scored), horizon, discount, cancellationToken);

    /// <summary>How many states plans of <paramref name="scored"/> index, enumerated without planning (throws past the cap, as a plan would).</summary>
    public int StateCount(IReadOnlyList<CompiledObjective> scored) => Space(scored).Count;

    private ScoredStateSpace Space(IReadOnlyList<CompiledObjective> scored)
    {
        var k = scored.Count;
        if (k is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(scored), k, "the planner scores 1 to 16 objectives");
        }
        var cap = maxStates ?? PlannerMemoryBudget.MaxStates(k, horizon);
        EntityPacking.CheckFits(level);
        ScoredStateSpace.CounterOffsets(scored);
        // A graph enumerated under a smaller cap than this plan's is complete all the same (it fitted).
        graph ??= LevelStateGraph.Enumerate(level, neighbours, Terminating, horizon, cap, states => Refusal(states, cap, k), cancellationToken);
        return ScoredStateSpace.Build(graph, scored, cap, states => Refusal(states, cap, k), paid, cancellationToken);
    }

    private PlannerLimitExceededException Refusal(int states, int cap, int objectives)
    {
        var items = level.Items;
        var budget = maxStates is null ? "; " + PlannerMemoryBudget.Describe(objectives, horizon) : "";
        return new PlannerLimitExceededException(states, cap,
            $"{items.ItemCount} items{(items.EntityCount > 0 ? $" ({items.EntityCount} moving or monsters)" : "")}, {level.Width} x {level.Height} grid{budget}");
    }
}
