using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld.Randomness;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Probes;

/// <summary>
/// One probe of one seed on one evaluation environment: the held-out score and chance (null when it could not be
/// measured: fewer than two levels, or no state where the feature is defined), the rows and levels each side of
/// the split, and the ridge penalty chosen.
/// </summary>
public sealed record ProbeSeedResult(int Evaluation, string Probe, int Seed, double? Score, double? Chance,
    int TrainRows, int TestRows, int TrainLevels, int TestLevels, double? Penalty);

/// <summary>
/// One steering of one seed on one evaluation environment: every candidate's per-episode score on the same levels
/// without and with the probe's direction added (<c>[candidate][episode]</c>, null where a level scores it not).
/// </summary>
public sealed record SteeringSeedResult(int Evaluation, string Probe, int Seed, double Scale, int[] LevelIds, double?[][] Unsteered, double?[][] Steered);

/// <summary>What the probes and steering of one seed on one evaluation environment gave.</summary>
public sealed record ProbeSeedOutcome(IReadOnlyList<ProbeSeedResult> Probes, IReadOnlyList<SteeringSeedResult> Steering);

/// <summary>
/// Measures an experiment's probes on one seed's evaluation levels: record (<see cref="ActivationRecorder"/>), split
/// the levels (a seeded shuffle, <see cref="HeldOutFraction"/> held out), fit (<see cref="LinearProbe"/>) and score on
/// the held-out levels; then steer: evaluate again on the same levels with the sampling stream restarted, once as
/// it is and once with the probe's unit direction times the scale added to its layer.
/// </summary>
public static class ProbeMeasurement
{
    public const double HeldOutFraction = 0.3;

    private const ulong SplitSalt = 0x7072_6F62_6573_706CUL; // "probespl"

    public static ProbeSeedOutcome Measure(ExperimentModel point, EvaluationSetup setup, int evaluation, IInspectablePolicy policy, int seed,
        CancellationToken cancellationToken)
    {
        var recording = ActivationRecorder.Record(setup, policy, point.Probes, seed, cancellationToken);
        var heldOut = HeldOutLevels(setup.LevelSet.LevelIds, seed);
        var results = new List<ProbeSeedResult>();
        var directions = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var probe in point.Probes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = recording.Probes[probe.Name];
            var test = Enumerable.Range(0, rows.Rows.Count).Where(i => heldOut.Contains(rows.Levels[i])).ToList();
            var train = Enumerable.Range(0, rows.Rows.Count).Where(i => !heldOut.Contains(rows.Levels[i])).ToList();
            var trainLevels = train.Select(i => rows.Levels[i]).Distinct().Count();
            var testLevels = test.Select(i => rows.Levels[i]).Distinct().Count();
            if (train.Count == 0 || test.Count == 0)
            {
                results.Add(new ProbeSeedResult(evaluation, probe.Name, seed, null, null, train.Count, test.Count, trainLevels, testLevels, null));
                continue;
            }
            var fit = LinearProbe.Fit(probe.Kind,
                train.Select(i => rows.Rows[i]).ToList(), train.Select(i => rows.Targets[i]).ToList(), train.Select(i => rows.Levels[i]).ToList(),
                test.Select(i => rows.Rows[i]).ToList(), test.Select(i => rows.Targets[i]).ToList());
            results.Add(new ProbeSeedResult(evaluation, probe.Name, seed, fit.Score, fit.Chance, train.Count, test.Count, trainLevels, testLevels, fit.Penalty));
            if (fit.Direction is { } direction)
            {
                directions[probe.Name] = recording.Projections[probe.Layer] is { } projection ? projection.Back(direction) : direction;
            }
        }
        var steering = new List<SteeringSeedResult>();
        foreach (var steer in point.Steers)
        {
            if (!directions.TryGetValue(steer.Probe, out var direction))
            {
                continue; // the probe could not be fitted on this seed: nothing to steer with
            }
            var layer = point.Probes.First(p => p.Name == steer.Probe).Layer;
            policy.RestartSampling();
            var unsteered = EpisodeRunner.Run(setup, policy, cancellationToken: cancellationToken);
            policy.RestartSampling();
            EpisodeScores steered;
            using (policy.Steer(layer, direction.Select(v => (float)(v * steer.Scale)).ToArray()))
            {
                steered = EpisodeRunner.Run(setup, policy, cancellationToken: cancellationToken);
            }
            steering.Add(new SteeringSeedResult(evaluation, steer.Probe, seed, steer.Scale, [.. setup.LevelSet.LevelIds], unsteered.Scores, steered.Scores));
        }
        return new ProbeSeedOutcome(results, steering);
    }

    /// <summary>The levels held out for scoring: a seeded shuffle of the distinct levels, the first <see cref="HeldOutFraction"/> (at least one, never all).</summary>
    public static HashSet<int> HeldOutLevels(IReadOnlyList<int> levelIds, int seed)
    {
        var distinct = levelIds.Distinct().Order().ToArray();
        if (distinct.Length < 2)
        {
            return distinct.Length == 1 ? [distinct[0]] : [];
        }
        var random = DeterministicRandom.For(seed, 0, SplitSalt);
        for (var i = distinct.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (distinct[i], distinct[j]) = (distinct[j], distinct[i]);
        }
        var count = Math.Clamp((int)Math.Round(distinct.Length * HeldOutFraction), 1, distinct.Length - 1);
        return [.. distinct.Take(count)];
    }
}
