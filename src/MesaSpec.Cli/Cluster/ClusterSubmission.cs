using System.Text.Json;
using MesaSpec.Cli.Commands;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;

namespace MesaSpec.Cli.Cluster;

/// <summary>
/// <c>run --on BACKEND</c> and <c>run --resume ID</c>: writes the run folder and hands its tasks to the backend
/// as one array; returns at once with the run's id. Resuming submits only the tasks with neither an outcome
/// on disk nor a place in the queue, so a finished task is never redone.
/// </summary>
internal static class ClusterSubmission
{
    public static int Submit(ExperimentPlan plan, SpecInfo spec, RunOptions options, string directory,
        IClusterBackend backend, ClusterOptions clusterOptions, bool jsonLines, CommandContext context)
    {
        var workspace = ClusterRunIndex.WorkspaceOf(context.CurrentDirectory);
        var id = ClusterRunIndex.Register(workspace, directory);
        var folder = RunFolder.Create(directory, RunManifest.Create(id, plan, spec, options));
        folder.SaveState(new ClusterState(backend.Name, [], false, null, clusterOptions));
        return SubmitTasks(folder, backend, folder.Manifest.Tasks.Select(t => t.Index).ToList(), clusterOptions, jsonLines, context);
    }

    public static int Resume(string id, ClusterOptions? overrides, CommandContext context)
    {
        if (ClusterRunOpening.Open(id, context) is not { } folder)
        {
            return ExitCodes.UsageOrInput;
        }
        var state = folder.State();
        if (ClusterBackends.Find(state.Backend) is not { } backend)
        {
            return UsageError.Write(context, $"run {folder.Manifest.Id} ran on '{state.Backend}'; --resume resubmits runs made with --on slurm");
        }
        if (ManifestSpec.Load(folder, context.Cancellation, out var problem) is null)
        {
            ClusterRunOpening.Unusable(folder.Path, problem!, context);
            return ExitCodes.UsageOrInput;
        }
        IReadOnlyDictionary<int, TaskState> queued;
        try
        {
            queued = backend.Queued(folder);
        }
        catch (ClusterBackendException e)
        {
            ClusterRunOpening.SubmissionFailed(backend.Name, e.Message, context);
            return ExitCodes.UsageOrInput;
        }
        var states = RunCollection.States(folder, queued);
        var missing = states.Where(kv => kv.Value is TaskState.Failed or TaskState.Missing).Select(kv => kv.Key).Order().ToList();
        if (missing.Count == 0)
        {
            context.Out.WriteLine($"run {folder.Manifest.Id}: nothing to resubmit ({states.Values.Count(s => s == TaskState.Done)} done, "
                + $"{states.Values.Count(s => s is TaskState.Pending or TaskState.Running)} queued); mesaspec collect {folder.Manifest.Id} writes the report");
            return ExitCodes.Success;
        }
        folder.SaveState(state with { Cancelled = false });
        return SubmitTasks(folder, backend, missing, overrides ?? state.Options ?? new ClusterOptions(null, null, null, null, []), jsonLines: false, context);
    }

    /// <param name="jsonLines">Say it as one JSON line (<c>--progress jsonl</c>, for the editor), not for people.</param>
    private static int SubmitTasks(RunFolder folder, IClusterBackend backend, IReadOnlyList<int> indices, ClusterOptions options, bool jsonLines, CommandContext context)
    {
        foreach (var index in indices)
        {
            File.Delete(folder.FailurePath(index));
        }
        string jobId;
        try
        {
            jobId = backend.Submit(folder, indices, options);
        }
        catch (ClusterBackendException e)
        {
            ClusterRunOpening.SubmissionFailed(backend.Name, e.Message, context);
            context.Error.WriteLine($"nothing was submitted; the run folder {context.Display(folder.Path)} is kept (mesaspec run --resume {folder.Manifest.Id} retries)");
            return ExitCodes.UsageOrInput;
        }
        var state = folder.State();
        folder.SaveState(state with { Submissions = [.. state.Submissions, new Submission(jobId, indices, DateTimeOffset.UtcNow)], Options = options });
        if (jsonLines)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                @event = "submitted",
                experiment = folder.Manifest.Experiment,
                clusterRun = folder.Manifest.Id,
                backend = backend.Name,
                jobId,
                tasks = indices.Count,
                folder = folder.Path,
            }, TaskProgressJson.Options));
            return ExitCodes.Success;
        }
        context.Out.WriteLine($"run {folder.Manifest.Id}: submitted {indices.Count} of {folder.Manifest.Tasks.Count} tasks as {backend.Name} job {jobId}"
            + (options.ArrayParallelism is { } k ? $" ({k} at a time)" : ""));
        context.Out.WriteLine($"  folder   {context.Display(folder.Path)}");
        context.Out.WriteLine($"  state    mesaspec runs show {folder.Manifest.Id}");
        context.Out.WriteLine($"  report   mesaspec collect {folder.Manifest.Id} (also written by the last task)");
        return ExitCodes.Success;
    }
}
