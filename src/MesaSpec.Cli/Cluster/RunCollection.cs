using System.Globalization;
using MesaSpec.Cli.Running;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;

namespace MesaSpec.Cli.Cluster;

/// <summary>Where each task of a distributed run stands, from its files and the backend's queue.</summary>
public enum TaskState { Pending, Running, Done, Failed, Missing }

/// <summary>
/// The report of a distributed run from the outcomes its tasks wrote, whatever finished so far: the same
/// aggregation as a local run, so the same outcomes give the same report.json/.md/.html and, once the run is
/// over (finished, failed or cancelled), the same run-history record.
/// </summary>
internal static class RunCollection
{
    public sealed record Collected(RunReport Report, IReadOnlyDictionary<int, TaskState> States, long? HistoryId);

    /// <summary>Each task's state: done (outcome on disk), failed (a note), pending/running (the backend says), else missing.</summary>
    public static IReadOnlyDictionary<int, TaskState> States(RunFolder folder, IReadOnlyDictionary<int, TaskState> queued)
    {
        var finished = folder.Finished();
        return folder.Manifest.Tasks.ToDictionary(t => t.Index, t =>
            finished.Contains(t.Index) ? TaskState.Done
            : queued.TryGetValue(t.Index, out var state) ? state
            : File.Exists(folder.FailurePath(t.Index)) ? TaskState.Failed
            : TaskState.Missing);
    }

    public static Collected Collect(RunFolder folder, ManifestSpec spec, IReadOnlyDictionary<int, TaskState> queued, TextWriter warnings, string resumeHint)
    {
        var manifest = folder.Manifest;
        var states = States(folder, queued);
        var outcomes = manifest.Tasks.Where(t => states[t.Index] == TaskState.Done).Select(t => folder.Outcome(t.Index)).OfType<SeedOutcome>().ToList();
        var state = folder.State();
        var unfinished = states.Where(kv => kv.Value is TaskState.Failed or TaskState.Missing).Select(kv => kv.Key).Order().ToList();
        var (status, detail) =
            states.Values.All(s => s == TaskState.Done) ? ("finished", (string?)null)
            : state.Cancelled ? ("cancelled", $"cancelled; the report holds the {outcomes.Count} of {manifest.Tasks.Count} tasks that finished")
            : states.Values.Any(s => s is TaskState.Pending or TaskState.Running) ? ("running", null)
            : ("failed", FailureDetail(folder, unfinished, resumeHint));
        var options = manifest.Settings.ToRunOptions();
        var started = manifest.CreatedAt;
        var last = outcomes.Count == 0 ? started
            : manifest.Tasks.Where(t => states[t.Index] == TaskState.Done).Max(t => new DateTimeOffset(File.GetLastWriteTimeUtc(folder.OutcomePath(t.Index)), TimeSpan.Zero));
        var report = new RunAggregation(spec.Plan, manifest.Spec, manifest.Seeds, options).Report(
            outcomes, new PointEvaluators(spec.Plan, CancellationToken.None).For, status, detail, started, last - started);
        ReportFiles.Write(report, folder.Path);
        long? historyId = state.HistoryId;
        if (status != "running")
        {
            using var recording = state.HistoryId is { } id
                ? RunRecording.Reopen(id, manifest.Spec.Path, folder.Path, warnings)
                : RunRecording.Begin(spec.Plan, manifest.Spec, spec.SpecText, options, folder.Path, warnings);
            recording.Save(report);
            historyId = recording.Id ?? state.HistoryId;
            if (historyId != state.HistoryId)
            {
                folder.SaveState(folder.State() with { HistoryId = historyId });
            }
        }
        return new Collected(report, states, historyId);
    }

    private static string FailureDetail(RunFolder folder, IReadOnlyList<int> unfinished, string resumeHint)
    {
        var parts = unfinished.Select(i =>
        {
            var task = folder.Manifest.Tasks[i];
            var where = string.Create(CultureInfo.InvariantCulture, $"task {i} (point {task.Point}, seed {task.Seed})");
            return folder.Failure(i) is { } message ? $"{where}: {message}" : $"{where}: ended without a result (killed, cancelled or out of time; see logs/)";
        });
        return $"{unfinished.Count} of {folder.Manifest.Tasks.Count} tasks failed: {string.Join("; ", parts)}; {resumeHint}";
    }
}
