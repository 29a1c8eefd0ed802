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
    /// <summary>The MesaSpec version, as report.json's <c>engineVersion</c> and the run history record it.</summary>
    public static string EngineVersion => MesaSpec.Language.Versioning.MesaSpecVersion.Current;

    /// <summary>Builds the gridworld training environments a trainer asks for, observed in the experiment's layout.</summary>
    public static EnvironmentFactory GridEnvironments(ExperimentModel experiment)
    {
        var layout = ObservationLayout.For(experiment);
        return (distribution, objective, count, seed) => GridVectorEnvironment.ForTraining(distribution, objective, count, seed, layout);
    }

    public RunReport Run(ExperimentPlan plan, SpecInfo spec, IRunObserver? observer, CancellationToken cancellationToken)
    {
        if (plan.Points.Count > 0 && plan.Points[0].IsTaskExperiment)
        {
            return new InContext.InContextRunner(trainer as InContext.IInContextTrainer, options).Run(plan, spec, observer, cancellationToken);
        }
        observer ??= NullRunObserver.Instance;
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        var seeds = SeedsOf(plan, options);
        var aggregation = new RunAggregation(plan, spec, seeds, options);
        var task = new SeedTask(trainer, options);
        var evaluators = new PointEvaluators(plan);
        using var shared = SharedTraining.For(plan, options);
        var outcomes = new List<SeedOutcome>();
        var status = RunStatus.Running;
        string? detail = null;

        RunReport Report() => aggregation.Report(outcomes, evaluators.For, status, detail, started, clock.Elapsed);

        try
        {
            for (var i = 0; i < plan.Points.Count; i++)
            {
                var pointEvaluators = evaluators.For(i);
                for (var position = 0; position < seeds.Count; position++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    observer.SeedStarted(i, plan.Points.Count, seeds[position]);
                    outcomes.Add(task.Run(plan.Points[i], pointEvaluators, i, seeds[position], position, new Progress(observer, i), cancellationToken, shared));
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
        catch (Exception e) when (IsExperimentFailure(e))
        {
            status = RunStatus.Failed;
            detail = e.Message;
        }
        var report = Report();
        observer.ReportUpdated(report);
        return report;
    }

    /// <summary>The seeds a run uses: the spec's, or 0..n-1 when the options override them.</summary>
    public static IReadOnlyList<int> SeedsOf(ExperimentPlan plan, RunOptions options) =>
        options.SeedCount is { } n ? Enumerable.Range(0, n).ToList() : plan.Points[0].Seeds.ToList();

    /// <summary>A failure of the experiment itself (training diverged, levels or plans impossible), reported as a failed run.</summary>
    public static bool IsExperimentFailure(Exception e) =>
        e is TrainingFailedException or LevelGenerationException or PlannerLimitExceededException;

    /// <summary>"trained", "oracle(EatCheese)" or "random": what the report's numbers describe.</summary>
    public static string DescribePolicy(PolicySource source) => source switch
    {
        TrainedPolicy t => string.Create(CultureInfo.InvariantCulture, $"trained: {t.Model.Name} with {t.Algorithm.Name} on {string.Join(", then ", t.Phases.Select(p => p.Distribution.DisplayName))}"),
        OraclePolicy o => $"oracle({o.Objective.Name})",
        TaskTrainedModel t => string.Create(CultureInfo.InvariantCulture, $"trained: {t.Model.Name} with {t.Algorithm.Name} on {t.Task.DisplayName}"),
        ReferenceLearnerPolicy r => $"reference learner {LearnerWords.Word(r.Learner)}",
        _ => "random",
    };

    private sealed class Progress(IRunObserver observer, int point) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => observer.TrainingProgress(point, value);
    }
}
