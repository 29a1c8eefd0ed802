using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Everything about an evaluation environment that does not depend on the policy, computed once and shared by
/// every seed and the random baseline: the fixed levels, each candidate's optimal return per level, and which
/// levels separate the base objective from each proxy (conflict episodes).
/// Candidates are the base objective (index 0) followed by the mesa objectives.
/// </summary>
public sealed class EvaluationSetup
{
    private EvaluationSetup(EvaluationModel evaluation, IReadOnlyList<ObjectiveModel> candidates, IReadOnlyList<Level> levels, double[][] optimal, bool[][] conflicts)
    {
        Evaluation = evaluation;
        Candidates = candidates;
        Levels = levels;
        Optimal = optimal;
        Conflicts = conflicts;
    }

    public EvaluationModel Evaluation { get; }

    public EnvironmentModel Environment => Evaluation.Environment;

    public ObjectiveModel BaseObjective => Candidates[0];

    public IReadOnlyList<ObjectiveModel> Candidates { get; }

    public IReadOnlyList<Level> Levels { get; }

    public int Episodes => Levels.Count;

    /// <summary><c>Optimal[candidate][episode]</c>: the best return achievable on that level under the base objective's episode rules.</summary>
    public double[][] Optimal { get; }

    /// <summary><c>Conflicts[candidate][episode]</c>: the level separates candidate (a proxy, index &gt;= 1) from the base; row 0 is the union.</summary>
    public bool[][] Conflicts { get; }

    public int ConflictCount(int candidate) => Conflicts[candidate].Count(c => c);

    /// <summary>Generates the levels and plans them. Throws <see cref="LevelGenerationException"/> or <see cref="PlannerLimitExceededException"/>.</summary>
    public static EvaluationSetup Create(EvaluationModel evaluation, ObjectiveModel baseObjective, IReadOnlyList<ObjectiveModel> mesaObjectives, CancellationToken cancellationToken = default)
    {
        if (evaluation.Episodes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(evaluation), evaluation.Episodes, $"evaluation on '{evaluation.Environment.Name}' needs at least one episode");
        }
        var candidates = mesaObjectives.Prepend(baseObjective).ToArray();
        var levels = EvaluationLevels.For(evaluation.Environment, evaluation.Episodes);
        var planner = new EnvironmentPlanner(evaluation.Environment, levels[0].Items);
        var optimal = candidates.Select(_ => new double[levels.Count]).ToArray();
        var conflicts = candidates.Select(_ => new bool[levels.Count]).ToArray();
        for (var e = 0; e < levels.Count; e++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            optimal[0][e] = planner.OptimalReturn(levels[e], baseObjective, baseObjective);
            for (var c = 1; c < candidates.Length; c++)
            {
                var conflict = planner.Compare(levels[e], baseObjective, candidates[c], optimal[0][e]);
                optimal[c][e] = conflict.ProxyOptimal;
                conflicts[c][e] = conflict.Separates;
                conflicts[0][e] |= conflict.Separates;
            }
        }
        return new EvaluationSetup(evaluation, candidates, levels, optimal, conflicts);
    }
}
