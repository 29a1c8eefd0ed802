using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Everything about one seed's evaluation on one environment that does not depend on the policy: the levels
/// drawn for that seed, each candidate's optimal discounted return per level, and which levels separate the base
/// objective from each proxy (conflict episodes). Shared by the seed's policy and its random baseline.
/// Candidates are the base objective (index 0) followed by the mesa objectives.
/// </summary>
public sealed class EvaluationSetup
{
    private EvaluationSetup(EvaluationModel evaluation, IReadOnlyList<ObjectiveModel> candidates, EvaluationLevelSet levels, double[][] optimal,
        bool[][] conflicts, double discount, int seed, ObservationLayout layout)
    {
        Evaluation = evaluation;
        Candidates = candidates;
        LevelSet = levels;
        Optimal = optimal;
        Conflicts = conflicts;
        Discount = discount;
        Seed = seed;
        Layout = layout;
    }

    public EvaluationModel Evaluation { get; }

    public EnvironmentModel Environment => Evaluation.Environment;

    public ObjectiveModel BaseObjective => Candidates[0];

    public IReadOnlyList<ObjectiveModel> Candidates { get; }

    public EvaluationLevelSet LevelSet { get; }

    public IReadOnlyList<Level> Levels => LevelSet.Levels;

    public int Episodes => Levels.Count;

    /// <summary>The seed whose levels these are.</summary>
    public int Seed { get; }

    /// <summary>The weight of a reward one step later, in returns and in the planner's optimum.</summary>
    public double Discount { get; }

    /// <summary>The observation channels of the experiment (shared with training).</summary>
    public ObservationLayout Layout { get; }

    /// <summary><c>Optimal[candidate][episode]</c>: the best discounted return achievable on that level under the base objective's episode rules.</summary>
    public double[][] Optimal { get; }

    /// <summary><c>Conflicts[candidate][episode]</c>: the level separates candidate (a proxy, index &gt;= 1) from the base; row 0 is the union.</summary>
    public bool[][] Conflicts { get; }

    public int ConflictCount(int candidate) => Conflicts[candidate].Count(c => c);

    /// <summary>Draws the seed's levels and plans them. Throws <see cref="LevelGenerationException"/> or <see cref="PlannerLimitExceededException"/>.</summary>
    public static EvaluationSetup Create(EvaluationModel evaluation, ObjectiveModel baseObjective, IReadOnlyList<ObjectiveModel> mesaObjectives,
        int seed, double discount, ObservationLayout? layout = null, CancellationToken cancellationToken = default)
    {
        if (evaluation.Episodes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(evaluation), evaluation.Episodes, $"evaluation on '{evaluation.Environment.Name}' needs at least one episode");
        }
        var candidates = mesaObjectives.Prepend(baseObjective).ToArray();
        var levels = EvaluationLevels.For(evaluation.Environment, evaluation.Episodes, seed);
        var planner = new EnvironmentPlanner(evaluation.Environment, levels.Levels[0].Items, discount: discount) { CancellationToken = cancellationToken };
        var optimal = candidates.Select(_ => new double[levels.Levels.Count]).ToArray();
        var conflicts = candidates.Select(_ => new bool[levels.Levels.Count]).ToArray();
        var planned = new Dictionary<int, int>(); // level id -> the first episode that planned it
        for (var e = 0; e < levels.Levels.Count; e++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (planned.TryGetValue(levels.LevelIds[e], out var first))
            {
                for (var c = 0; c < candidates.Length; c++)
                {
                    optimal[c][e] = optimal[c][first];
                    conflicts[c][e] = conflicts[c][first];
                }
                continue;
            }
            planned.Add(levels.LevelIds[e], e);
            var level = planner.ForLevel(levels.Levels[e], baseObjective); // one enumeration of its states for every candidate
            optimal[0][e] = planner.OptimalReturn(level, baseObjective);
            for (var c = 1; c < candidates.Length; c++)
            {
                var conflict = planner.Compare(level, candidates[c], optimal[0][e]);
                optimal[c][e] = conflict.ProxyOptimal;
                conflicts[c][e] = conflict.Tests;
                conflicts[0][e] |= conflicts[c][e];
            }
        }
        return new EvaluationSetup(evaluation, candidates, levels, optimal, conflicts, discount, seed,
            layout ?? ObservationLayout.For(evaluation.Environment));
    }
}
