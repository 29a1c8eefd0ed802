using System.Runtime.CompilerServices;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// The planner bound to one environment: compiles objectives once and answers per-level questions
/// (optimal return, optimal policy, whether a level separates two objectives) under the episode rules of a
/// terminating objective. Not thread-safe (compiled objectives are cached).
/// </summary>
public sealed class EnvironmentPlanner
{
    private readonly ConditionalWeakTable<ObjectiveModel, CompiledObjective> compiled = new();

    /// <param name="maxStates">The state cap; null: each plan's memory budget (<see cref="PlannerMemoryBudget"/>).</param>
    public EnvironmentPlanner(EnvironmentModel environment, ItemKinds items, int? maxStates = null, double discount = 1)
    {
        Discount = discount;
        Environment = environment;
        Items = items;
        MaxStates = maxStates;
        Neighbours = GridRules.NeighbourTable(environment.Width, environment.Height);
    }

    public EnvironmentModel Environment { get; }

    public ItemKinds Items { get; }

    public int? MaxStates { get; }

    /// <summary>The discount every plan of this planner uses (1 = undiscounted).</summary>
    public double Discount { get; }

    /// <summary>Checked while states are enumerated, so Ctrl-C stops a long plan.</summary>
    public CancellationToken CancellationToken { get; init; }

    public int[] Neighbours { get; }

    public CompiledObjective Compile(ObjectiveModel objective) =>
        compiled.GetValue(objective, o => new CompiledObjective(Environment, Items, o));

    /// <summary>
    /// The planner of one level under <paramref name="terminating"/>'s episode rules: plans of several objectives on it
    /// share one enumeration of its states (plan a level's objectives together through it).
    /// </summary>
    public LevelPlanner ForLevel(Level level, ObjectiveModel terminating) =>
        new(level, Neighbours, Compile(terminating), Environment.Horizon, MaxStates, Discount, CancellationToken);

    /// <summary>Solves <paramref name="level"/> for <paramref name="scored"/> (lexicographically) in episodes ended by <paramref name="terminating"/>'s rules.</summary>
    public Plan Solve(Level level, ObjectiveModel terminating, params ObjectiveModel[] scored) =>
        ForLevel(level, terminating).Solve(scored.Select(Compile).ToArray());

    public double OptimalReturn(Level level, ObjectiveModel terminating, ObjectiveModel objective) =>
        OptimalReturn(ForLevel(level, terminating), objective);

    /// <summary>The optimal return of <paramref name="objective"/> on the planner's level, in episodes under its rules.</summary>
    public double OptimalReturn(LevelPlanner level, ObjectiveModel objective) =>
        level.OptimalReturns([Compile(objective)])[0];

    /// <summary>Whether <paramref name="level"/> separates <paramref name="baseObjective"/> from <paramref name="proxy"/>, in episodes under the base objective's rules.</summary>
    public LevelConflict Compare(Level level, ObjectiveModel baseObjective, ObjectiveModel proxy, double? baseOptimal = null) =>
        Compare(ForLevel(level, baseObjective), proxy, baseOptimal);

    /// <summary>Whether the planner's level separates its terminating objective (the base) from <paramref name="proxy"/>.</summary>
    public LevelConflict Compare(LevelPlanner level, ObjectiveModel proxy, double? baseOptimal = null)
    {
        var baseObjective = level.Terminating.Objective;
        var optimal = baseOptimal ?? OptimalReturn(level, baseObjective);
        var lexicographic = level.OptimalReturns([Compile(proxy), Compile(baseObjective)]);
        return new LevelConflict(optimal, lexicographic[0], lexicographic[1]);
    }
}
