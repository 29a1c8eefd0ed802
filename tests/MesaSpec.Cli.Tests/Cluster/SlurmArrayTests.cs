using System.Diagnostics;
using System.Text.RegularExpressions;
using MesaSpec.Cli.Cluster;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Cluster;

/// <summary>
/// Real Slurm job arrays (scripts/start-slurm.sh brings up a single-node Slurm; skipped with the reason where it is
/// not up). Kept small: tiny budgets, 2 CPUs.
/// </summary>
public sealed partial class SlurmArrayTests : IDisposable
{
    private static readonly TimeSpan ArrayLimit = TimeSpan.FromMinutes(4);
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [SlurmFact]
    public void An_array_of_2_points_x_2_seeds_gives_the_local_report()
    {
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep(ClusterSpecs.Tiny));
        var local = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--jobs", "1", "--out", "local", "--progress", "lines");
        Assert.True(local.ExitCode is 0 or 1, local.All);

        var submitted = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--on", "slurm", "--out", "array", "--array-parallelism", "2", "--cpus-per-task", "1");
        Assert.True(submitted.ExitCode == 0, submitted.All);
        var (id, job) = Submitted(submitted.Out);
        Assert.Contains("submitted 4 of 4 tasks", submitted.Out, StringComparison.Ordinal);
        WaitUntilDequeued(id);

        var collected = Mesaspec.Run(workspace.Root, "collect", id);
        Assert.True(collected.ExitCode is 0 or 1, collected.All);
        Assert.Contains("finished, 4 of 4 tasks done", collected.Out, StringComparison.Ordinal);
        Assert.Contains("recorded as run", collected.Out, StringComparison.Ordinal);
        Assert.Equal(ClusterSpecs.Comparable(workspace.Read("local/report.json")), ClusterSpecs.Comparable(workspace.Read("array/report.json")));

        var shown = Mesaspec.Run(workspace.Root, "runs", "show", id);
        Assert.Contains("4 tasks: 4 done", shown.Out, StringComparison.Ordinal);
        Assert.Contains($"job        {job}: tasks 0-3", shown.Out, StringComparison.Ordinal);
        Assert.Contains($"{id}  Sweep on slurm: 4 tasks: 4 done", Mesaspec.Run(workspace.Root, "runs", "list").Out, StringComparison.Ordinal);
    }

    [SlurmFact]
    public void A_task_killed_with_scancel_is_reported_failed_and_resume_runs_only_it()
    {
        // Long enough (seconds) that the kill lands mid-training; --seeds 1: two tasks, one per point.
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep("train on Maze(corner: corner) with mlp(hidden: [16]) using ppo(steps: 20000, envs: 8, rollout: 32)"));
        var submitted = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--seeds", "1", "--on", "slurm", "--out", "array", "--cpus-per-task", "1");
        Assert.True(submitted.ExitCode == 0, submitted.All);
        var (id, job) = Submitted(submitted.Out);
        var folder = RunFolder.Open(Path.Combine(workspace.Root, "array"), out _)!;

        var clock = Stopwatch.StartNew();
        while (new SlurmBackend().Queued(folder).GetValueOrDefault(1) != TaskState.Running)
        {
            Assert.True(clock.Elapsed < ArrayLimit, "task 1 never started");
            Thread.Sleep(200);
        }
        Thread.Sleep(1500);
        Assert.False(File.Exists(folder.OutcomePath(1)), "task 1 finished before it could be killed");
        Assert.Equal(0, Scancel($"{job}_1"));
        WaitUntilDequeued(id);

        var failed = Mesaspec.Run(workspace.Root, "collect", id);
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("1 of 2 tasks failed: task 1 (point 1, seed 0): ended without a result", failed.Out, StringComparison.Ordinal);
        Assert.Contains($"mesaspec run --resume {id}", failed.Out, StringComparison.Ordinal);
        Assert.Matches(@"1\s+corner=3\s+0\s+failed", Mesaspec.Run(workspace.Root, "runs", "show", id).Out);
        var finishedBefore = File.GetLastWriteTimeUtc(folder.OutcomePath(0));

        var resumed = Mesaspec.Run(workspace.Root, "run", "--resume", id);
        Assert.True(resumed.ExitCode == 0, resumed.All);
        Assert.Contains("submitted 1 of 2 tasks", resumed.Out, StringComparison.Ordinal);
        WaitUntilDequeued(id);

        var collected = Mesaspec.Run(workspace.Root, "collect", id);
        Assert.True(collected.ExitCode is 0 or 1, collected.All);
        Assert.Contains("finished, 2 of 2 tasks done", collected.Out, StringComparison.Ordinal);
        Assert.Equal(finishedBefore, File.GetLastWriteTimeUtc(folder.OutcomePath(0)));
        Assert.Contains("nothing to resubmit", Mesaspec.Run(workspace.Root, "run", "--resume", id).Out, StringComparison.Ordinal);
    }

    [SlurmFact]
    public void An_unknown_partition_is_a_coded_error_and_nothing_runs()
    {
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep("policy random"));
        var result = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--on", "slurm", "--out", "array", "--partition", "no-such-partition");
        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0101: slurm refused the run: sbatch: error: invalid partition specified: no-such-partition", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was submitted", result.Error, StringComparison.Ordinal);
        var id = IdPattern().Match(result.Error).Groups[1].Value;
        Assert.Contains("4 tasks: 4 missing", Mesaspec.Run(workspace.Root, "runs", "show", id).Out, StringComparison.Ordinal);
    }

    [SlurmFact]
    public void Cancel_stops_the_array_and_keeps_the_run_as_cancelled()
    {
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep(ClusterSpecs.Tiny));
        // Held: nothing starts, so cancelling finds every task pending.
        var submitted = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--on", "slurm", "--out", "array", "--sbatch-arg", "--hold");
        Assert.True(submitted.ExitCode == 0, submitted.All);
        var (id, _) = Submitted(submitted.Out);
        Assert.Contains("4 tasks: 4 pending", Mesaspec.Run(workspace.Root, "runs", "show", id).Out, StringComparison.Ordinal);

        var cancelled = Mesaspec.Run(workspace.Root, "cancel", id);
        Assert.True(cancelled.ExitCode == 0, cancelled.All);
        Assert.Contains($"run {id}: cancelled", cancelled.Out, StringComparison.Ordinal);
        WaitUntilDequeued(id);
        Assert.Contains("\"status\": \"cancelled\"", workspace.Read("array/report.json"), StringComparison.Ordinal);
        Assert.Contains("(cancelled)", Mesaspec.Run(workspace.Root, "runs", "show", id).Out, StringComparison.Ordinal);
    }

    private static (string Id, string Job) Submitted(string output)
    {
        var match = SubmittedPattern().Match(output);
        Assert.True(match.Success, output);
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    private void WaitUntilDequeued(string id)
    {
        var folder = RunFolder.Open(ClusterRunIndex.Resolve(id, workspace.Root)!, out _)!;
        var clock = Stopwatch.StartNew();
        while (new SlurmBackend().Queued(folder).Count > 0)
        {
            Assert.True(clock.Elapsed < ArrayLimit, $"the array of run {id} did not finish in {ArrayLimit}");
            Thread.Sleep(500);
        }
    }

    private static int Scancel(string task)
    {
        using var process = Process.Start(new ProcessStartInfo("scancel", [task]) { RedirectStandardError = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }

    [GeneratedRegex(@"run (\S+): submitted \d+ of \d+ tasks as slurm job (\d+)")]
    private static partial Regex SubmittedPattern();

    [GeneratedRegex(@"mesaspec run --resume (\S+) retries")]
    private static partial Regex IdPattern();
}
