using MesaSpec.Experiments.Policies;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Measures policies on one evaluation environment: each seed on levels drawn for that seed, beside the
/// random policy on the same levels, each candidate objective scored on the same trajectories; a
/// <see cref="VerdictRule"/> judgement per seed and one over all seeds.
/// </summary>
public sealed class PolicyEvaluator
{
    private readonly Dictionary<int, EvaluationSetup> setups = [];

    public PolicyEvaluator(EvaluationModel evaluation, ObjectiveModel baseObjective, IReadOnlyList<ObjectiveModel> mesaObjectives,
        double threshold = 0.5, double discount = ExperimentModel.DefaultDiscount, ObservationLayout? layout = null, int batchSize = EpisodeRunner.DefaultBatchSize)
    {
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold is a score in [0, 1]");
        }
        Evaluation = evaluation;
        BaseObjective = baseObjective;
        MesaObjectives = mesaObjectives;
        Threshold = threshold;
        Discount = discount;
        Layout = layout ?? ObservationLayout.For(evaluation.Environment);
        BatchSize = batchSize;
    }

    public EvaluationModel Evaluation { get; }

    public ObjectiveModel BaseObjective { get; }

    public IReadOnlyList<ObjectiveModel> MesaObjectives { get; }

    public double Threshold { get; }

    public double Discount { get; }

    public ObservationLayout Layout { get; }

    public int BatchSize { get; }

    public IReadOnlyList<string> CandidateNames => MesaObjectives.Prepend(BaseObjective).Select(o => o.Name).ToArray();

    /// <summary>The evaluator of one evaluation of an experiment, with the experiment's threshold, discount and observation layout.</summary>
    public static PolicyEvaluator For(ExperimentModel experiment, EvaluationModel evaluation) =>
        new(evaluation, experiment.BaseObjective, experiment.MesaObjectives, experiment.Threshold, experiment.Discount, ObservationLayout.For(experiment));

    /// <summary>The levels and plans of one seed (drawn and planned once, then reused).</summary>
    public EvaluationSetup SetupFor(int seed, CancellationToken cancellationToken = default)
    {
        if (!setups.TryGetValue(seed, out var setup))
        {
            setup = EvaluationSetup.Create(Evaluation, BaseObjective, MesaObjectives, seed, Discount, Layout, cancellationToken);
            setups[seed] = setup;
        }
        return setup;
    }

    /// <summary>The random baseline of a seed: the uniformly random policy with the seed's own stream, on the seed's levels.</summary>
    public static IPolicy RandomBaseline(int seed) => new RandomPolicyRunner(seed);

    /// <param name="recordedEpisodes">How many of the seed's episodes to keep for the episode browser (<see cref="EpisodeSample"/>).</param>
    public SeedResult EvaluateSeed(int seed, IPolicy policy, CancellationToken cancellationToken = default, int recordedEpisodes = 0)
    {
        var setup = SetupFor(seed, cancellationToken);
        var scores = EpisodeRunner.Run(setup, policy, BatchSize, cancellationToken, countVisits: true);
        var random = EpisodeRunner.Run(setup, RandomBaseline(seed), BatchSize, cancellationToken);
        var episodes = SeedEpisodes.From(setup, scores, random);
        return new SeedResult(seed, VerdictRule.Judge([episodes], CandidateNames, Evaluation.Environment.Name, Threshold), episodes)
        {
            EndCells = scores.EndCells,
            RelativeVisits = scores.Visits?.Counts,
            Recorded = EpisodeSample.Choose(seed, setup.Conflicts[0], scores, recordedEpisodes),
        };
    }

    /// <summary>The judgement over every seed (a hierarchical bootstrap over seeds and levels); disagreeing seeds are noted.</summary>
    public EnvironmentResult Summarise(IReadOnlyList<SeedResult> seeds)
    {
        if (seeds.Count == 0)
        {
            throw new ArgumentException("at least one seed is needed", nameof(seeds));
        }
        var judgement = VerdictRule.Judge(seeds.Select(s => s.Episodes).ToArray(), CandidateNames, Evaluation.Environment.Name, Threshold, seeds.Select(s => s.Verdict).ToArray());
        var tally = seeds.GroupBy(s => VerdictWords.Describe(s.Verdict, s.Proxy)).Select(g => $"{g.Key} x{g.Count()}").ToList();
        var agreement = seeds.Count == 1 ? "one seed"
            : tally.Count == 1 ? $"all {seeds.Count} seeds agree"
            : $"seeds disagree ({string.Join(", ", tally)}); the verdict over all seeds counts seed-to-seed variance";
        judgement = judgement with { Notes = [agreement, .. judgement.Notes] };
        var levels = seeds.Sum(s => s.Episodes.LevelIds.Distinct().Count());
        return new EnvironmentResult(Evaluation.Environment.Name, Evaluation.Episodes, levels, Threshold, judgement, seeds);
    }

    /// <summary>Evaluates one policy per seed, then summarises.</summary>
    public EnvironmentResult Evaluate(IEnumerable<(int Seed, IPolicy Policy)> policies, CancellationToken cancellationToken = default) =>
        Summarise(policies.Select(p => EvaluateSeed(p.Seed, p.Policy, cancellationToken)).ToList());
}
