using System.Diagnostics;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.InContext;

/// <summary>
/// Runs an experiment trained on a task: at every sweep point and seed, trains the model (or takes the reference
/// learner standing in for it), fits the reference learners on the seed's training prompts, records every
/// evaluation prompt (<see cref="PromptMeasurement"/>), and after each seed publishes the report so far. As for
/// environments, cancellation and failures keep what finished, marked as such.
/// </summary>
public sealed class InContextRunner(IInContextTrainer? trainer, RunOptions options)
{
    public RunReport Run(ExperimentPlan plan, SpecInfo spec, IRunObserver? observer, CancellationToken cancellationToken)
    {
        observer ??= NullRunObserver.Instance;
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        var seeds = ExperimentRunner.SeedsOf(plan, options);
        var done = plan.Points.Select(_ => new List<TaskSeedRows>()).ToList();
        var status = RunStatus.Running;
        string? detail = null;

        RunReport Report() => InContextAggregation.Report(plan, spec, seeds, options, done, status, detail, started, clock.Elapsed);

        try
        {
            for (var i = 0; i < plan.Points.Count; i++)
            {
                foreach (var seed in seeds)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    observer.SeedStarted(i, plan.Points.Count, seed);
                    done[i].Add(RunSeed(plan.Points[i], i, seed, observer, cancellationToken));
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
        catch (Exception e) when (ExperimentRunner.IsExperimentFailure(e))
        {
            status = RunStatus.Failed;
            detail = e.Message;
        }
        var report = Report();
        observer.ReportUpdated(report);
        return report;
    }

    private TaskSeedRows RunSeed(ExperimentModel point, int pointIndex, int seed, IRunObserver observer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var training = point.TrainingTask ?? throw new InvalidOperationException("not an experiment on a task");
        var references = ReferenceLearnerFactory.Fit(training, seed);
        ITrainedInContextLearner? trained = null;
        try
        {
            IInContextLearner model;
            TrainingReport? report = null;
            if (point.Policy is TaskTrainedModel spec)
            {
                if (trainer is null)
                {
                    throw new TrainingFailedException("this experiment trains a model on a task, but no in-context trainer is available in this host");
                }
                var settings = new TrainingSettings(options.Threads, options.Device,
                    options.CheckpointDirectory is null ? null : Path.Combine(options.CheckpointDirectory, $"point{pointIndex}-seed{seed}"));
                trained = trainer.Train(spec, seed, settings, new Progress(observer, pointIndex), cancellationToken);
                model = trained;
                var steps = spec.Algorithm.Budget ?? 0;
                report = new TrainingReport(seed, steps, steps / Math.Max(clock.Elapsed.TotalSeconds, 1e-9), clock.Elapsed.TotalSeconds, null,
                    trained.LearningCurve.Select(c => new CurvePoint(c.Step, c.Loss ?? c.MeanReturn)).ToList());
            }
            else
            {
                var standIn = ((ReferenceLearnerPolicy)point.Policy).Learner;
                model = references.First(r => r.Learner == standIn).Implementation;
            }
            var evaluations = point.TaskEvaluations.Select(evaluation =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var prompts = PromptSampler.Sample(evaluation.Task, seed, PromptSampler.Purpose.Evaluation, 0, evaluation.Prompts);
                return PromptMeasurement.Measure(model, references.Select(r => r.Implementation).ToList(), prompts, PromptMeasurement.StepFor(evaluation.Task), cancellationToken);
            }).ToList();
            return new TaskSeedRows(seed, evaluations, references.Select(r => r.LearningRate).ToList(), report);
        }
        finally
        {
            trained?.Dispose();
        }
    }

    private sealed class Progress(IRunObserver observer, int point) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => observer.TrainingProgress(point, value);
    }
}
