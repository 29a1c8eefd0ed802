using System.Globalization;
using System.Text.Json;
using MesaSpec.Cli.Commands;
using MesaSpec.Experiments.Reports;

namespace MesaSpec.Cli.Cluster;

/// <summary>What <c>runs show ID</c> and <c>runs list</c> say about distributed runs: each task's state, from the queue and the result files.</summary>
internal static class ClusterRunView
{
    /// <param name="json">One JSON document for tools (the editor polls it): the run and every task's state.</param>
    public static int Show(string id, CommandContext context, bool json = false)
    {
        if (ClusterRunOpening.Open(id, context) is not { } folder)
        {
            return ExitCodes.UsageOrInput;
        }
        var manifest = folder.Manifest;
        var state = folder.State();
        var states = RunCollection.States(folder, ClusterRunOpening.Queued(folder, context));
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                clusterRun = manifest.Id,
                experiment = manifest.Experiment,
                backend = state.Backend,
                cancelled = state.Cancelled,
                folder = folder.Path,
                jobs = state.Submissions.Select(s => s.JobId),
                counts = Enum.GetValues<TaskState>().ToDictionary(Word, s => states.Values.Count(v => v == s)),
                tasks = manifest.Tasks.Select(t => new
                {
                    index = t.Index,
                    point = t.Point,
                    seed = t.Seed,
                    parameters = t.Parameters,
                    state = Word(states[t.Index]),
                    failure = states[t.Index] == TaskState.Failed ? folder.Failure(t.Index) : null,
                }),
            }, ReportJson.Options));
            return ExitCodes.Success;
        }
        var o = context.Out;
        o.WriteLine($"run {manifest.Id}: {manifest.Experiment} on {state.Backend}{(state.Cancelled ? " (cancelled)" : "")}");
        o.WriteLine($"  status     {Summary(states)}");
        o.WriteLine($"  spec       {manifest.Spec.Path} (sha256 {manifest.Spec.Sha256})");
        o.WriteLine($"  folder     {context.Display(folder.Path)}");
        foreach (var submission in state.Submissions)
        {
            o.WriteLine($"  job        {submission.JobId}: tasks {SlurmBackend.ArraySpec(submission.Indices)}, submitted "
                + submission.SubmittedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }
        if (state.HistoryId is { } historyId)
        {
            o.WriteLine($"  history    run {historyId} (mesaspec runs show {historyId})");
        }
        o.WriteLine();
        o.WriteLine("  task  point  seed  state");
        foreach (var task in manifest.Tasks)
        {
            var parameters = task.Parameters.Count == 0 ? task.Point.ToString(CultureInfo.InvariantCulture) : string.Join(",", task.Parameters.Select(kv => $"{kv.Key}={kv.Value}"));
            var line = string.Create(CultureInfo.InvariantCulture, $"  {task.Index,4}  {parameters,5}  {task.Seed,4}  {Word(states[task.Index])}");
            if (states[task.Index] == TaskState.Failed && folder.Failure(task.Index) is { } failure)
            {
                line += $" ({failure})";
            }
            o.WriteLine(line);
        }
        return ExitCodes.Success;
    }

    /// <summary>The distributed runs of the workspace, one line each; nothing when there are none.</summary>
    public static void List(CommandContext context)
    {
        var runs = ClusterRunIndex.List(ClusterRunIndex.WorkspaceOf(context.CurrentDirectory));
        if (runs.Count == 0)
        {
            return;
        }
        context.Out.WriteLine();
        context.Out.WriteLine("distributed runs (mesaspec runs show ID):");
        foreach (var (id, path) in runs)
        {
            var folder = RunFolder.Open(path, out var problem);
            if (folder is null)
            {
                context.Out.WriteLine($"  {id}  unreadable: {problem}");
                continue;
            }
            var state = folder.State();
            IReadOnlyDictionary<int, TaskState>? queued;
            try
            {
                queued = ClusterBackends.Find(state.Backend)?.Queued(folder) ?? new Dictionary<int, TaskState>();
            }
            catch (ClusterBackendException)
            {
                queued = null;
            }
            context.Out.WriteLine($"  {id}  {folder.Manifest.Experiment} on {state.Backend}{(state.Cancelled ? ", cancelled" : "")}: {Summary(RunCollection.States(folder, queued))}");
        }
    }

    private static string Summary(IReadOnlyDictionary<int, TaskState> states)
    {
        var counts = Enum.GetValues<TaskState>().Select(s => (s, n: states.Values.Count(v => v == s))).Where(c => c.n > 0);
        return $"{states.Count} tasks: " + string.Join(", ", counts.Select(c => $"{c.n} {Word(c.s)}"));
    }

    public static string Word(TaskState state) => state switch
    {
        TaskState.Pending => "pending",
        TaskState.Running => "running",
        TaskState.Done => "done",
        TaskState.Failed => "failed",
        TaskState.Unknown => "unknown",
        _ => "missing",
    };
}
