using System.Diagnostics;
using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Policies;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// One unit of work of a run: obtain the policy of one seed at one sweep point (train it, or take the reference
/// policy), evaluate it on every evaluation environment and sample its behaviour. Tasks are independent, so they
/// can run one after another in this process, in parallel worker processes, or as the tasks of a Slurm array.
/// </summary>
public sealed class SeedTask(ITrainer? trainer, RunOptions options)
{
    /// <param name="position">The seed's place in the run's seed list: it decides how many behaviour samples this
    /// seed contributes (the first seeds fill the report's quota), exactly as when seeds ran in order.</param>
    /// <param name="shared">Where the sweep's points share their models: this seed's model when an earlier point
    /// trained it, and where a model trained here is kept for later points; null: train, and dispose at the end.</param>
    public SeedOutcome Run(
        ExperimentModel point, IReadOnlyList<PolicyEvaluator> evaluators, int pointIndex, int seed, int position,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, SharedTraining? shared = null)
    {
        var clock = Stopwatch.StartNew();
        ITrainedPolicy? trained = null;
        try
        {
            foreach (var evaluator in evaluators)
            {
                evaluator.SetupFor(seed, cancellationToken); // levels and plans first: a level that cannot be planned fails before training
            }
            IPolicy policy;
            TrainingReport? training = null;
            if (point.Policy is TrainedPolicy && shared?.Take(seed) is { } earlier)
            {
                policy = earlier.Policy;
                training = earlier.Report with { TrainedAtPoint = earlier.Point };
            }
            else if (point.Policy is TrainedPolicy spec)
            {
                if (trainer is null)
                {
                    throw new TrainingFailedException("this experiment trains a model, but no trainer is available in this host");
                }
                var scoresOverTraining = options.ScoresEvery > 0 ? new TrainingScores(evaluators, seed, cancellationToken) : null;
                var settings = new TrainingSettings(options.Threads, options.Device,
                    options.CheckpointDirectory is null ? null : Path.Combine(options.CheckpointDirectory, $"point{pointIndex}-seed{seed}"))
                {
                    InitialCheckpoint = ResumePoint.For(options.ResumeFrom, pointIndex, seed),
                    Snapshots = scoresOverTraining?.Schedule(options.ScoresEvery),
                };
                var curricula = new CurriculumRecorder(ExperimentRunner.GridEnvironments(point));
                trained = trainer.Train(spec, point.BaseObjective, seed, curricula.Factory, settings, progress, cancellationToken);
                policy = trained;
                var checkpoints = trained.PhaseCheckpoints;
                // The steps trained, not the budget (whole rollouts overshoot it): what the speed and the curve's axis count.
                var steps = trained.StepsTrained ?? spec.TotalBudget;
                training = new TrainingReport(
                    seed,
                    steps,
                    steps / Math.Max(clock.Elapsed.TotalSeconds, 1e-9),
                    clock.Elapsed.TotalSeconds,
                    trained.CheckpointPath,
                    trained.LearningCurve.Select(c => new CurvePoint(c.Step, c.MeanReturn)).ToList())
                {
                    ResumedFrom = settings.InitialCheckpoint,
                    ScoresOverTraining = scoresOverTraining?.Points,
                    // One phase on one environment under the base objective says nothing training[] does not: listed only otherwise.
                    Phases = !IsPhased(spec) ? null : spec.Phases.Select((phase, i) => new PhaseReport(
                        i + 1,
                        phase.Distribution.DisplayName,
                        (phase.Objective ?? point.BaseObjective).Name,
                        phase.Algorithm.Name,
                        phase.Algorithm.Budget ?? 0,
                        i < checkpoints.Count ? checkpoints[i] : null)
                    {
                        Curriculum = curricula.Report(i, phase),
                    }).ToList(),
                };
                if (shared is not null)
                {
                    shared.Keep(seed, pointIndex, trained, training);
                    trained = null; // the shared models are disposed with the run
                }
            }
            else
            {
                policy = ReferencePolicies.Create(point.Policy, seed, point.Discount);
            }
            var results = new List<SeedResult>();
            var samples = new List<IReadOnlyList<BehaviourSample>>();
            foreach (var evaluator in evaluators)
            {
                results.Add(evaluator.EvaluateSeed(seed, policy, cancellationToken, options.RecordedEpisodes));
                // Evaluation and sampling share the policy (and its randomness): sample exactly when, and as much
                // as, the in-order run did, so every seed's numbers are the same wherever it runs.
                var wanted = SamplesWanted(options.SamplesPerEnvironment, evaluator.Evaluation.Episodes, position);
                samples.Add(wanted > 0 ? BehaviourSampler.Sample(evaluator.SetupFor(seed, cancellationToken), policy, seed, wanted, cancellationToken) : []);
            }
            var probes = new List<Probes.ProbeSeedResult>();
            var steering = new List<Probes.SteeringSeedResult>();
            if (point.Probes.Count > 0 && policy is IInspectablePolicy inspectable)
            {
                // After evaluation and sampling, so adding probes never changes the behavioural numbers.
                for (var e = 0; e < evaluators.Count; e++)
                {
                    var measured = Probes.ProbeMeasurement.Measure(point, evaluators[e].SetupFor(seed, cancellationToken), e, inspectable, seed, cancellationToken);
                    probes.AddRange(measured.Probes);
                    steering.AddRange(measured.Steering);
                }
            }
            return new SeedOutcome(pointIndex, seed, results, training, samples) { Probes = probes, Steering = steering };
        }
        finally
        {
            trained?.Dispose();
        }
    }

    /// <summary>Trained in several phases, on a mixture, on an objective other than the base objective, or with a curriculum.</summary>
    private static bool IsPhased(TrainedPolicy spec) =>
        spec.Phases.Count > 1 || spec.Phases[0].Distribution.IsMixture || spec.Phases[0].Objective is not null || spec.Phases[0].Distribution.Curriculum is not null;

    /// <summary>The samples still missing from an environment's quota once the seeds before this one gave theirs.</summary>
    public static int SamplesWanted(int quota, int episodes, int position)
    {
        var remaining = quota;
        for (var earlier = 0; earlier < position && remaining > 0; earlier++)
        {
            remaining -= Math.Min(remaining, episodes);
        }
        return remaining;
    }
}
