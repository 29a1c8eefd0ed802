using System.Globalization;
using System.Text.Json;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;

namespace MesaSpec.Cli.Cluster;

/// <summary>
/// A distributed run on disk (on the shared filesystem, for Slurm): <c>manifest.json</c>, one
/// <c>tasks/INDEX.json</c> outcome per finished task (written atomically, so present means whole), a
/// <c>tasks/INDEX.failed</c> note per failed task, the backend's <c>logs/</c>, <c>cluster.json</c> (submissions,
/// cancellation) and, once collected, the report files. A task's outcome file is its only completion record:
/// what makes resubmission idempotent.
/// </summary>
public sealed class RunFolder
{
    private RunFolder(string path, RunManifest manifest)
    {
        Path = path;
        Manifest = manifest;
    }

    public string Path { get; }

    public RunManifest Manifest { get; }

    public string TasksDirectory => System.IO.Path.Combine(Path, "tasks");

    public string LogsDirectory => System.IO.Path.Combine(Path, "logs");

    private static string ManifestPath(string folder) => System.IO.Path.Combine(folder, "manifest.json");

    private string StatePath => System.IO.Path.Combine(Path, "cluster.json");

    public string OutcomePath(int index) => System.IO.Path.Combine(TasksDirectory, index.ToString(CultureInfo.InvariantCulture) + ".json");

    public string FailurePath(int index) => System.IO.Path.Combine(TasksDirectory, index.ToString(CultureInfo.InvariantCulture) + ".failed");

    public static bool IsRunFolder(string folder) => File.Exists(ManifestPath(folder));

    /// <summary>Starts a run in <paramref name="folder"/>; a previous run's task files there are removed, never mixed in.</summary>
    public static RunFolder Create(string folder, RunManifest manifest)
    {
        Directory.CreateDirectory(folder);
        var tasks = System.IO.Path.Combine(folder, "tasks");
        if (Directory.Exists(tasks))
        {
            Directory.Delete(tasks, recursive: true);
        }
        File.Delete(System.IO.Path.Combine(folder, "cluster.json"));
        Directory.CreateDirectory(tasks);
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "logs"));
        WriteAtomically(ManifestPath(folder), manifest.ToJson());
        return new RunFolder(folder, manifest);
    }

    /// <summary>Opens a run folder; null with the reason when it has no readable manifest.</summary>
    public static RunFolder? Open(string folder, out string? problem)
    {
        problem = null;
        var path = ManifestPath(folder);
        if (!File.Exists(path))
        {
            problem = $"{path} does not exist";
            return null;
        }
        var manifest = RunManifest.FromJson(File.ReadAllText(path));
        if (manifest is null || manifest.Version != RunManifest.CurrentVersion)
        {
            problem = $"{path} is not a version {RunManifest.CurrentVersion} run manifest";
            return null;
        }
        return new RunFolder(folder, manifest);
    }

    /// <summary>The outcome of a finished task, or null (not finished, or its file unreadable: then it is redone).</summary>
    public SeedOutcome? Outcome(int index)
    {
        var path = OutcomePath(index);
        return File.Exists(path) ? SeedOutcomeJson.Deserialize(File.ReadAllText(path)) : null;
    }

    public void WriteOutcome(int index, SeedOutcome outcome)
    {
        SeedOutcomeJson.Write(outcome, OutcomePath(index));
        File.Delete(FailurePath(index));
    }

    public void WriteFailure(int index, string message) => WriteAtomically(FailurePath(index), message);

    public string? Failure(int index) => File.Exists(FailurePath(index)) ? File.ReadAllText(FailurePath(index)).Trim() : null;

    /// <summary>The tasks whose outcome is on disk.</summary>
    public IReadOnlySet<int> Finished() => Manifest.Tasks.Select(t => t.Index).Where(i => File.Exists(OutcomePath(i))).ToHashSet();

    public ClusterState State()
    {
        if (!File.Exists(StatePath))
        {
            return new ClusterState("local", [], false, null, null);
        }
        return JsonSerializer.Deserialize<ClusterState>(File.ReadAllText(StatePath), ReportJson.Options) ?? new ClusterState("local", [], false, null, null);
    }

    public void SaveState(ClusterState state) => WriteAtomically(StatePath, JsonSerializer.Serialize(state, ReportJson.Options));

    private static void WriteAtomically(string path, string text)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>One submission to a backend: its job id and the task indices it covers.</summary>
public sealed record Submission(string JobId, IReadOnlyList<int> Indices, DateTimeOffset SubmittedAt);

/// <summary>
/// What a backend did with a run: its submissions, whether it was cancelled, its run-history id once collected,
/// and the scheduler options it was submitted with (what <c>--resume</c> uses again).
/// </summary>
public sealed record ClusterState(string Backend, IReadOnlyList<Submission> Submissions, bool Cancelled, long? HistoryId, ClusterOptions? Options);
