using System.Globalization;
using MesaSpec.Cli.Running;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;

namespace MesaSpec.Cli.Cluster;

/// <summary>Where each task of a distributed run stands, from its files and the backend's queue.</summary>
public enum TaskState { Pending, Running, Done, Failed, Missing, Unknown }

/// <summary>
/// The report of a distributed run from the outcomes its tasks wrote, whatever finished so far: the same
/// aggregation as a local run, so the same outcomes give the same report.json/.md/.html and, once the run is
/// over (finished, failed or cancelled), the same run-history record.
/// </summary>
internal static class RunCollection
{
    public sealed record Collected(RunReport Report, IReadOnlyDictionary<int, TaskState> States, long? HistoryId);

    /// <summary>
    /// Each task's state: done (its outcome is on disk), pending or running (the backend still holds it), failed (it
    /// was submitted and left the queue without an outcome: an error, a kill, a time limit), else missing (never submitted).
    /// </summary>
    /// <param name="queued">The backend's queue; null when it could not be read: then a submitted task without an outcome is unknown, not failed.</param>
    public static IReadOnlyDictionary<int, TaskState> States(RunFolder folder, IReadOnlyDictionary<int, TaskState>? queued)
    {
        var finished = folder.Finished();
        var submitted = folder.State().Submissions.SelectMany(s => s.Indices).ToHashSet();
        return folder.Manifest.Tasks.ToDictionary(t => t.Index, t =>
            finished.Contains(t.Index) ? TaskState.Done
            : queued is not null && queued.TryGetValue(t.Index, out var state) ? state
            : File.Exists(folder.FailurePath(t.Index)) ? TaskState.Failed
            : submitted.Contains(t.Index) ? (queued is null ? TaskState.Unknown : TaskState.Failed)
            : TaskState.Missing);
    }

    public static Collected Collect(RunFolder folder, ManifestSpec spec, IReadOnlyDictionary<int, TaskState>? queued, TextWriter warnings, string resumeHint)
    {
        var manifest = folder.Manifest;
        var states = States(folder, queued);
        var outcomes = manifest.Tasks.Where(t => states[t.Index] == TaskState.Done).Select(t => folder.Outcome(t.Index)).OfType<SeedOutcome>().ToList();
        var state = folder.State();
        var unfinished = states.Where(kv => kv.Value is TaskState.Failed or TaskState.Missing).Select(kv => kv.Key).Order().ToList();
        var (status, detail) =
            states.Values.All(s => s == TaskState.Done) ? (RunStatus.Finished, (string?)null)
            : state.Cancelled ? (RunStatus.Cancelled, $"cancelled; the report holds the {outcomes.Count} of {manifest.Tasks.Count} tasks that finished")
            : states.Values.Any(s => s is TaskState.Pending or TaskState.Running) ? (RunStatus.Running, null)
            : states.Values.Any(s => s is TaskState.Unknown) ? (RunStatus.Running, "the scheduler's queue could not be read: tasks without a result may still be running")
            : (RunStatus.Failed, FailureDetail(folder, unfinished, states, resumeHint));
        var options = manifest.Settings.ToRunOptions();
        var started = manifest.CreatedAt;
        var last = outcomes.Count == 0 ? started
            : manifest.Tasks.Where(t => states[t.Index] == TaskState.Done).Max(t => new DateTimeOffset(File.GetLastWriteTimeUtc(folder.OutcomePath(t.Index)), TimeSpan.Zero));
        var report = new RunAggregation(spec.Plan, manifest.Spec, manifest.Seeds, options).Report(
            outcomes, new PointEvaluators(spec.Plan).For, status, detail, started, last - started);
        var replay = new ExperimentReplay(spec.Plan);
        ReportFiles.Write(report, folder.Path, replay);
        long? historyId = state.HistoryId;
        if (status != RunStatus.Running)
        {
            using var recording = state.HistoryId is { } id
                ? RunRecording.Reopen(id, manifest.Spec.Path, folder.Path, warnings)
                : RunRecording.Begin(spec.Plan, manifest.Spec, spec.SpecText, options, folder.Path, warnings);
            recording.Save(report, replay);
            historyId = recording.Id ?? state.HistoryId;
            if (historyId != state.HistoryId)
            {
                folder.SaveState(folder.State() with { HistoryId = historyId });
            }
        }
        return new Collected(report, states, historyId);
    }

    private static string FailureDetail(RunFolder folder, IReadOnlyList<int> unfinished, IReadOnlyDictionary<int, TaskState> states, string resumeHint)
    {
        var parts = unfinished.Select(i =>
        {
            var task = folder.Manifest.Tasks[i];
            var where = string.Create(CultureInfo.InvariantCulture, $"task {i} (point {task.Point}, seed {task.Seed})");
            return folder.Failure(i) is { } message ? $"{where}: {message}"
                : states[i] == TaskState.Missing ? $"{where}: never submitted"
                : $"{where}: ended without a result (killed, cancelled or out of time; see logs/task-{i}.out)";
        });
        return $"{unfinished.Count} of {folder.Manifest.Tasks.Count} tasks failed: {string.Join("; ", parts)}" + (resumeHint.Length == 0 ? "" : $"; {resumeHint}");
    }
}
