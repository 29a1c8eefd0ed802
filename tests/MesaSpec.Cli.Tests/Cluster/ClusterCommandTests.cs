using MesaSpec.Cli.Cluster;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Cluster;

/// <summary>The distributed-run commands' input errors, and the Slurm text formats, without a scheduler.</summary>
public sealed class ClusterCommandTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData(new[] { 0, 1, 2, 5, 7, 8 }, "0-2,5,7-8")]
    [InlineData(new[] { 3 }, "3")]
    [InlineData(new[] { 4, 1, 0 }, "0-1,4")]
    public void Task_indices_become_an_array_range(int[] indices, string expected) => Assert.Equal(expected, SlurmBackend.ArraySpec(indices));

    [Theory]
    [InlineData("4", new[] { 4 })]
    [InlineData("[5-7,9%2]", new[] { 5, 6, 7, 9 })]
    [InlineData("[0-1]", new[] { 0, 1 })]
    public void Squeue_task_fields_are_read(string text, int[] expected) => Assert.Equal(expected, SlurmBackend.ParseTasks(text));

    [Theory]
    [InlineData("--partition", "debug", "--partition is a scheduler option: it needs --on slurm")]
    [InlineData("--on", "kubernetes", "unknown --on 'kubernetes' (expected local or slurm)")]
    [InlineData("--time", "1:00", "--time is a scheduler option: it needs --on slurm")]
    public void Scheduler_options_are_checked(string option, string value, string message)
    {
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep("policy random"));
        var result = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error MS0001: {message}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Array_parallelism_is_a_positive_number()
    {
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep("policy random"));
        var result = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--on", "slurm", "--array-parallelism", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0001: --array-parallelism takes a whole number from 1, not '0'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_and_slurm_do_not_mix()
    {
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep("policy random"));
        var result = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--on", "slurm", "--jobs", "2");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("with --on slurm use --array-parallelism K", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("collect")]
    [InlineData("cancel")]
    [InlineData("runs", "show")]
    [InlineData("run", "--resume")]
    public void An_unknown_run_id_is_a_coded_error(params string[] verb)
    {
        var result = Mesaspec.Run(workspace.Root, [.. verb, "sweep-20261202-000000"]);
        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0102: no distributed run 'sweep-20261202-000000'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_of_a_spec_changed_since_submission_is_refused_and_noted()
    {
        var spec = ClusterSpecs.Sweep("policy random");
        workspace.Write("sweep.mesa", spec);
        Assert.True(Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--jobs", "2", "--out", "two").ExitCode is 0 or 1);
        workspace.Write("sweep.mesa", spec.Replace("seeds 2", "seeds 3", StringComparison.Ordinal));

        var result = Mesaspec.Run(workspace.Root, "task", "two", "1");
        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0103: the run folder cannot be used: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("sweep.mesa changed since the run was submitted", result.Error, StringComparison.Ordinal);
        Assert.Contains("changed since the run was submitted", workspace.Read("two/tasks/1.failed"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_submitted_task_without_an_outcome_is_failed_once_off_the_queue_and_unknown_when_the_queue_is_unreadable()
    {
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep("policy random"));
        Assert.True(Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--jobs", "2", "--out", "two").ExitCode is 0 or 1);
        var folder = RunFolder.Open(Path.Combine(workspace.Root, "two"), out _)!;
        File.Delete(folder.OutcomePath(1));
        File.Delete(folder.OutcomePath(3));
        folder.SaveState(new ClusterState("slurm", [new Submission("7", [0, 1, 2], DateTimeOffset.UtcNow)], false, null, null));

        var offQueue = RunCollection.States(folder, new Dictionary<int, TaskState>());
        Assert.Equal([TaskState.Done, TaskState.Failed, TaskState.Done, TaskState.Missing], offQueue.OrderBy(kv => kv.Key).Select(kv => kv.Value));
        var unreadable = RunCollection.States(folder, null);
        Assert.Equal([TaskState.Done, TaskState.Unknown, TaskState.Done, TaskState.Missing], unreadable.OrderBy(kv => kv.Key).Select(kv => kv.Value));
        var queued = RunCollection.States(folder, new Dictionary<int, TaskState> { [1] = TaskState.Running });
        Assert.Equal(TaskState.Running, queued[1]);
    }

    [Fact]
    public void A_task_index_outside_the_manifest_is_a_usage_error()
    {
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep("policy random"));
        Assert.True(Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--jobs", "2", "--out", "two").ExitCode is 0 or 1);
        var result = Mesaspec.Run(workspace.Root, "task", "two", "9");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'9' is not a task of this run (0 to 3)", result.Error, StringComparison.Ordinal);
    }
}
