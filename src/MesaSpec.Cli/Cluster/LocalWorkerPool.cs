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
/// thread pool are per process. Forwards every worker's progress; after a failure it starts no new task
/// (the running ones finish), as a sequential run stops at its first failure. Cancellation kills the workers.
/// </summary>
internal sealed class LocalWorkerPool(RunFolder folder, int jobs)
{
    public sealed record Failure(int Index, string Message);

    /// <param name="finished">Called, one call at a time, as each task's outcome lands in the folder.</param>
    public IReadOnlyList<Failure> Run(IReadOnlyList<int> indices, IRunObserver observer, Action<int> finished, CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<int>(indices);
        var failures = new ConcurrentBag<Failure>();
        var gate = new Lock();
        var points = folder.Manifest.Tasks.Max(t => t.Point) + 1;
        void Worker()
        {
            while (failures.IsEmpty && !cancellationToken.IsCancellationRequested && queue.TryDequeue(out var index))
            {
                var task = folder.Manifest.Tasks[index];
                lock (gate)
                {
                    observer.SeedStarted(task.Point, points, task.Seed);
                }
                var failure = RunTask(task, observer, gate, cancellationToken);
                if (failure is not null)
                {
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        failures.Add(new Failure(index, failure));
                    }
                    continue;
                }
                lock (gate)
                {
                    finished(index);
                }
            }
        }
        var workers = Enumerable.Range(0, Math.Max(1, Math.Min(jobs, indices.Count))).Select(_ => Task.Run(Worker)).ToArray();
        Task.WaitAll(workers, CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        return failures.OrderBy(f => f.Index).ToList();
    }

    /// <summary>Runs one task's worker to its end; null when its outcome is on disk, else why not.</summary>
    private string? RunTask(ManifestTask task, IRunObserver observer, Lock gate, CancellationToken cancellationToken)
    {
        var info = WorkerExecutable.StartInfo(["task", folder.Path, task.Index.ToString(CultureInfo.InvariantCulture), "--progress", "jsonl"]);
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
        if (process.ExitCode == 0 && File.Exists(folder.OutcomePath(task.Index)))
        {
            return null;
        }
        return folder.Failure(task.Index)
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
