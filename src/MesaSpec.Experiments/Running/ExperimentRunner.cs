using System.Diagnostics;
using System.Globalization;
using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Policies;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// Runs an experiment plan: at every sweep point, for every seed, obtains the policy (trains it with the
/// base optimizer, or takes a reference policy), evaluates it on every evaluation environment, and after
/// each completed seed publishes the report so far. Ctrl-C (cancellation) and failures stop the run and
/// keep what was finished, marked as such; nothing is lost and nothing half-done is presented as complete.
/// </summary>
public sealed class ExperimentRunner(ITrainer? trainer, RunOptions options)
{
    public static readonly string EngineVersion =
        typeof(ExperimentRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Builds the gridworld training environments a trainer asks for.</summary>
    public static EnvironmentFactory GridEnvironments { get; } =
        (environment, objective, count, seed) => GridVectorEnvironment.ForTraining(environment, objective, count, seed);

    public RunReport Run(ExperimentPlan plan, SpecInfo spec, IRunObserver? observer, CancellationToken cancellationToken)
    {
        observer ??= NullRunObserver.Instance;
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        var seeds = options.SeedCount is { } n ? Enumerable.Range(0, n).ToList() : plan.Points[0].Seeds.ToList();
        var points = plan.Points.Select(p => new PointState(p)).ToList();
        var status = RunStatus.Running;
        string? detail = null;

        RunReport Report() => BuildReport(plan, spec, seeds, points, status, detail, started, clock.Elapsed);

        try
        {
            for (var i = 0; i < points.Count; i++)
            {
                var point = points[i];
                point.Evaluators = point.Model.Evaluations
                    .Select(e => PolicyEvaluator.Create(e, point.Model.BaseObjective, point.Model.MesaObjectives, point.Model.Threshold, cancellationToken))
                    .ToList();
                foreach (var seed in seeds)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    observer.SeedStarted(i, points.Count, seed);
                    RunSeed(point, i, seed, observer, cancellationToken);
                    observer.ReportUpdated(Report());
                }
            }
            status = RunStatus.Finished;
        }
        catch (OperationCanceledException)
        {
            status = RunStatus.Cancelled;
            detail = "cancelled before every seed finished; the report holds the completed seeds only";
        }
        catch (Exception e) when (e is TrainingFailedException or LevelGenerationException or PlannerLimitExceededException)
        {
            status = RunStatus.Failed;
            detail = e.Message;
        }
        var report = Report();
        observer.ReportUpdated(report);
        return report;
    }

    private void RunSeed(PointState point, int pointIndex, int seed, IRunObserver observer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        ITrainedPolicy? trained = null;
        try
        {
            IPolicy policy;
            if (point.Model.Policy is TrainedPolicy spec)
            {
                if (trainer is null)
                {
                    throw new TrainingFailedException("this experiment trains a model, but no trainer is available in this host");
                }
                var progress = new Progress(observer, pointIndex);
                var settings = new TrainingSettings(options.Threads, options.Device,
                    options.CheckpointDirectory is null ? null : Path.Combine(options.CheckpointDirectory, $"point{pointIndex}-seed{seed}"));
                trained = trainer.Train(spec, point.Model.BaseObjective, seed, GridEnvironments, settings, progress, cancellationToken);
                policy = trained;
                point.Training.Add(new TrainingReport(
                    seed,
                    spec.Algorithm.Budget ?? 0,
                    (spec.Algorithm.Budget ?? 0) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9),
                    clock.Elapsed.TotalSeconds,
                    trained.CheckpointPath,
                    trained.LearningCurve.Select(c => new CurvePoint(c.Step, c.MeanReturn)).ToList()));
            }
            else
            {
                policy = ReferencePolicies.Create(point.Model.Policy, seed);
            }
            for (var e = 0; e < point.Evaluators.Count; e++)
            {
                var evaluator = point.Evaluators[e];
                point.SeedResults[e].Add(evaluator.EvaluateSeed(seed, policy, cancellationToken));
                if (point.Samples[e].Count < options.SamplesPerEnvironment)
                {
                    point.Samples[e].AddRange(BehaviourSampler.Sample(evaluator.Setup, policy, seed,
                        options.SamplesPerEnvironment - point.Samples[e].Count, cancellationToken));
                }
            }
            point.CompletedSeeds.Add(seed);
        }
        finally
        {
            trained?.Dispose();
        }
    }

    private RunReport BuildReport(
        ExperimentPlan plan, SpecInfo spec, IReadOnlyList<int> seeds, List<PointState> points,
        RunStatus status, string? detail, DateTimeOffset started, TimeSpan elapsed)
    {
        var pointReports = new List<SweepPoint>();
        var pointResults = new List<ExpectationChecker.PointResults>();
        foreach (var point in points)
        {
            var evaluations = new List<EvaluationReport>();
            var results = new List<(string, EnvironmentResult)>();
            for (var e = 0; e < point.Evaluators.Count; e++)
            {
                if (point.SeedResults[e].Count == 0)
                {
                    continue;
                }
                var result = point.Evaluators[e].Summarise(point.SeedResults[e]);
                var environment = point.Model.Evaluations[e].Environment;
                evaluations.Add(ReportMapping.Evaluation(result, environment.DisplayName, point.Samples[e]));
                results.Add((environment.Name, result));
            }
            pointReports.Add(new SweepPoint
            {
                Parameters = point.Model.Parameters.ToDictionary(p => p.Key, p => p.Value.ToString()),
                CompletedSeeds = [.. point.CompletedSeeds],
                Training = [.. point.Training],
                Evaluations = evaluations,
            });
            pointResults.Add(new ExpectationChecker.PointResults(point.Model.Parameters, results));
        }
        return new RunReport
        {
            EngineVersion = EngineVersion,
            Experiment = plan.Name,
            Spec = spec,
            Status = status,
            StatusDetail = detail,
            Seeds = seeds,
            Settings = new RunSettings(options.Threads, options.Device, Environment.MachineName),
            StartedAt = started,
            FinishedAt = status == RunStatus.Running ? null : started + elapsed,
            DurationSeconds = Math.Round(elapsed.TotalSeconds, 3),
            Sweep = plan.Sweep is { } sweep ? new SweepInfo(sweep.Parameter, sweep.Values.Select(v => v.ToString()).ToList()) : null,
            Points = pointReports,
            Expectations = ExpectationChecker.Check(plan.Points[0].Expectations, pointResults),
        };
    }

    /// <summary>"trained", "oracle(EatCheese)" or "random": what the report's numbers describe.</summary>
    public static string DescribePolicy(PolicySource source) => source switch
    {
        TrainedPolicy t => string.Create(CultureInfo.InvariantCulture, $"trained: {t.Model.Name} with {t.Algorithm.Name} on {t.Environment.DisplayName}"),
        OraclePolicy o => $"oracle({o.Objective.Name})",
        _ => "random",
    };

    private sealed class PointState(ExperimentModel model)
    {
        public ExperimentModel Model { get; } = model;
        public List<PolicyEvaluator> Evaluators { get; set; } = [];
        public List<int> CompletedSeeds { get; } = [];
        public List<TrainingReport> Training { get; } = [];
        public List<List<SeedResult>> SeedResults { get; } = model.Evaluations.Select(_ => new List<SeedResult>()).ToList();
        public List<List<BehaviourSample>> Samples { get; } = model.Evaluations.Select(_ => new List<BehaviourSample>()).ToList();
    }

    private sealed class Progress(IRunObserver observer, int point) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => observer.TrainingProgress(point, value);
    }
}
