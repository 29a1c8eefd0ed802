using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;

namespace MesaSpec.Cli.Cluster;

/// <summary>
/// Runs tasks of a run folder in this process, in order, and records each outcome (or why it failed) in the folder.
/// The worker side of <c>--jobs</c> and of Slurm arrays: the same code either way. Tasks of one seed at points that
/// share its model (<see cref="SharedTraining"/>) train it once.
/// </summary>
internal static class TaskExecution
{
    public enum Result { Finished, Failed, Cancelled }

    /// <param name="failed">The task that did not finish (null when all did).</param>
    public static Result Run(RunFolder folder, ManifestSpec spec, IReadOnlyList<ManifestTask> tasks, ITrainer trainer,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, out ManifestTask? failed, out string? failure)
    {
        failed = null;
        failure = null;
        var options = folder.Manifest.Settings.ToRunOptions() with
        {
            CheckpointDirectory = Path.GetFullPath(folder.Manifest.Settings.CheckpointDirectory, folder.Path),
        };
        using var shared = tasks.Count > 1 ? SharedTraining.For(spec.Plan, options) : null;
        var evaluators = new PointEvaluators(spec.Plan);
        foreach (var task in tasks)
        {
            failed = task;
            try
            {
                var outcome = new SeedTask(trainer, options).Run(
                    spec.Plan.Points[task.Point], evaluators.For(task.Point), task.Point, task.Seed, task.Position, progress, cancellationToken, shared);
                folder.WriteOutcome(task.Index, outcome);
            }
            catch (OperationCanceledException)
            {
                failure = "cancelled";
                return Result.Cancelled;
            }
            catch (Exception e) when (ExperimentRunner.IsExperimentFailure(e))
            {
                failure = e.Message;
                folder.WriteFailure(task.Index, e.Message);
                return Result.Failed;
            }
        }
        failed = null;
        return Result.Finished;
    }
}
