using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;

namespace MesaSpec.Cli.Cluster;

/// <summary>
/// Runs task INDEX of a run folder in this process and records its outcome (or why it failed) in the folder.
/// The worker side of <c>--jobs</c> and of Slurm arrays: the same code either way.
/// </summary>
internal static class TaskExecution
{
    public enum Result { Finished, Failed, Cancelled }

    public static Result Run(RunFolder folder, ManifestSpec spec, ManifestTask task, ITrainer trainer,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, out string? failure)
    {
        failure = null;
        var options = folder.Manifest.Settings.ToRunOptions() with
        {
            CheckpointDirectory = Path.GetFullPath(folder.Manifest.Settings.CheckpointDirectory, folder.Path),
        };
        try
        {
            var evaluators = new PointEvaluators(spec.Plan).For(task.Point);
            var outcome = new SeedTask(trainer, options).Run(
                spec.Plan.Points[task.Point], evaluators, task.Point, task.Seed, task.Position, progress, cancellationToken);
            folder.WriteOutcome(task.Index, outcome);
            return Result.Finished;
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
}
