using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;

namespace MesaSpec.Cli.Cluster;

/// <summary>
/// Runs a run folder's tasks on this machine in <c>jobs</c> worker processes (this same <c>mesaspec</c>, verb
/// <c>task</c>), each with the manifest's thread count: processes, not threads, because LibTorch's seeding and
/// thread pool are per process. A worker runs a group of tasks (one seed's points, when they share its model) or
/// one. Forwards every worker's progress; after a failure it starts no new group (the running ones finish), as a
/// sequential run stops at its first failure. Cancellation kills the workers.
/// </summary>
internal sealed class LocalWorkerPool(RunFolder folder, int jobs)
{
    public sealed record Failure(int Index, string Message);

    /// <param name="groups">The task indices, in the groups one worker runs in order.</param>
    /// <param name="finished">Called, one call at a time, as each task's outcome lands in the folder.</param>
    public IReadOnlyList<Failure> Run(IReadOnlyList<IReadOnlyList<int>> groups, IRunObserver observer, Action<int> finished, CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<IReadOnlyList<int>>(groups.Where(g => g.Count > 0));
        var failures = new ConcurrentBag<Failure>();
        var gate = new Lock();
        var points = folder.Manifest.Tasks.Max(t => t.Point) + 1;
        void Worker()
        {
            while (failures.IsEmpty && !cancellationToken.IsCancellationRequested && queue.TryDequeue(out var group))
            {
                var tasks = group.Select(i => folder.Manifest.Tasks[i]).ToList();
                lock (gate)
                {
                    observer.SeedStarted(tasks[0].Point, points, tasks[0].Seed);
                }
                var failure = RunTasks(tasks, observer, gate, cancellationToken);
                lock (gate)
                {
                    // The group's tasks that finished count even when a later one failed.
                    foreach (var task in tasks.Where(t => File.Exists(folder.OutcomePath(t.Index))))
                    {
                        finished(task.Index);
                    }
                }
                if (failure is { } f && !cancellationToken.IsCancellationRequested)
                {
                    failures.Add(f);
                }
            }
        }
        var workers = Enumerable.Range(0, Math.Max(1, Math.Min(jobs, queue.Count))).Select(_ => Task.Run(Worker)).ToArray();
        Task.WaitAll(workers, CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        return failures.OrderBy(f => f.Index).ToList();
    }

    /// <summary>Runs one worker on <paramref name="tasks"/> to its end; null when every outcome is on disk, else the first task without one and why.</summary>
    private Failure? RunTasks(IReadOnlyList<ManifestTask> tasks, IRunObserver observer, Lock gate, CancellationToken cancellationToken) =>
        RunWorker(tasks, observer, gate, cancellationToken) is { } failure ? new Failure(FirstMissing(tasks).Index, failure) : null;

    private ManifestTask FirstMissing(IReadOnlyList<ManifestTask> tasks) =>
        tasks.FirstOrDefault(t => !File.Exists(folder.OutcomePath(t.Index))) ?? tasks[0];

    private string? RunWorker(IReadOnlyList<ManifestTask> tasks, IRunObserver observer, Lock gate, CancellationToken cancellationToken)
    {
        var task = tasks[0];
        var info = WorkerExecutable.StartInfo(["task", folder.Path, .. tasks.Select(t => t.Index.ToString(CultureInfo.InvariantCulture)), "--progress", "jsonl"]);
        Process? started;
        try
        {
            started = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"the worker {info.FileName} could not be started: {e.Message}";
        }
        if (started is null)
        {
            return $"the worker {info.FileName} could not be started";
        }
        using var process = started;
        process.StandardInput.Close();
        var errors = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                errors.Enqueue(line);
                while (errors.Count > 20 && errors.TryDequeue(out string? _))
                {
                }
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && Progress(line) is { } progress)
            {
                lock (gate)
                {
                    observer.TrainingProgress(task.Point, progress);
                }
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using (cancellationToken.Register(() => Kill(process)))
        {
            process.WaitForExit();
        }
        if (cancellationToken.IsCancellationRequested)
        {
            return "cancelled";
        }
        if (process.ExitCode == 0 && tasks.All(t => File.Exists(folder.OutcomePath(t.Index))))
        {
            return null;
        }
        return folder.Failure(FirstMissing(tasks).Index)
            ?? (errors.IsEmpty ? $"the worker exited with code {process.ExitCode}" : string.Join(" ", errors));
    }

    private static TrainingProgress? Progress(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainingProgress>(line, TaskProgressJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
