using MesaSpec.Experiments.Policies;
using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Measures policies on one evaluation environment: the same fixed levels for every seed and for the random
/// baseline, each candidate objective scored on the same trajectories, a verdict per seed and an aggregate.
/// </summary>
public sealed class PolicyEvaluator
{
    /// <summary>The random baseline's seed: one fixed run, so baselines are comparable across experiments.</summary>
    public const int RandomBaselineSeed = 0;

    private IReadOnlyList<BaselineScore>? baseline;

    public PolicyEvaluator(EvaluationSetup setup, double threshold = 0.5, int batchSize = EpisodeRunner.DefaultBatchSize)
    {
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold is a score in [0, 1]");
        }
        Setup = setup;
        Threshold = threshold;
        BatchSize = batchSize;
    }

    public EvaluationSetup Setup { get; }

    public double Threshold { get; }

    public int BatchSize { get; }

    public static PolicyEvaluator Create(EvaluationModel evaluation, ObjectiveModel baseObjective, IReadOnlyList<ObjectiveModel> mesaObjectives,
        double threshold = 0.5, CancellationToken cancellationToken = default) =>
        new(EvaluationSetup.Create(evaluation, baseObjective, mesaObjectives, cancellationToken), threshold);

    public SeedResult EvaluateSeed(int seed, IPolicy policy, CancellationToken cancellationToken = default) =>
        SeedVerdictRule.Decide(seed, Setup, EpisodeRunner.Run(Setup, policy, BatchSize, cancellationToken), Threshold);

    public IReadOnlyList<BaselineScore> RandomBaseline(CancellationToken cancellationToken = default)
    {
        if (baseline is null)
        {
            var scores = EpisodeRunner.Run(Setup, new RandomPolicyRunner(RandomBaselineSeed), BatchSize, cancellationToken);
            baseline = CandidateMetrics.Compute(Setup, scores)
                .Select(o => new BaselineScore(o.Objective, o.Score, o.ScoreAll, o.GoalRate))
                .ToArray();
        }
        return baseline;
    }

    public EnvironmentResult Summarise(IReadOnlyList<SeedResult> seeds, CancellationToken cancellationToken = default) =>
        SeedAggregation.Summarise(Setup, seeds, RandomBaseline(cancellationToken), Threshold);

    /// <summary>Evaluates one policy per seed, then summarises.</summary>
    public EnvironmentResult Evaluate(IEnumerable<(int Seed, IPolicy Policy)> policies, CancellationToken cancellationToken = default) =>
        Summarise(policies.Select(p => EvaluateSeed(p.Seed, p.Policy, cancellationToken)).ToList(), cancellationToken);
}
