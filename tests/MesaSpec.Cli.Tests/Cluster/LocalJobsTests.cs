using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Cluster;

/// <summary><c>mesaspec run --jobs N</c>: tasks in worker processes give the report of <c>--jobs 1</c>, in every verdict and score.</summary>
public sealed class LocalJobsTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("policy random", 2)]
    [InlineData("policy oracle(Corner)", 10)]
    [InlineData(ClusterSpecs.Tiny, 10)]
    public void Two_workers_give_the_report_of_one(string policy, int episodes)
    {
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep(policy, episodes));
        var one = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--jobs", "1", "--out", "one", "--progress", "lines");
        var two = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--jobs", "2", "--out", "two", "--progress", "lines");
        Assert.True(one.ExitCode is 0 or 1, one.All);
        Assert.True(two.ExitCode is 0 or 1, two.All);
        Assert.Equal(ClusterSpecs.Comparable(workspace.Read("one/report.json")), ClusterSpecs.Comparable(workspace.Read("two/report.json")));
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "one", "tasks")));
        Assert.Equal(4, Directory.GetFiles(Path.Combine(workspace.Root, "two", "tasks"), "*.json").Length);
        // Every worker's seed shows in the progress.
        foreach (var label in new[] { "point 1/2, seed 0", "point 1/2, seed 1", "point 2/2, seed 0", "point 2/2, seed 1" })
        {
            Assert.Contains($"{label}: started", two.Out, StringComparison.Ordinal);
            Assert.Contains($"{label}: evaluated", two.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Points_that_share_a_model_train_it_once_per_seed_in_one_worker()
    {
        // The training line does not mention the swept corner: each seed's worker trains once and evaluates both points.
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep(ClusterSpecs.Tiny.Replace("Maze(corner: corner)", "Maze", StringComparison.Ordinal), 10));
        var one = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--jobs", "1", "--out", "one", "--progress", "lines");
        var two = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--jobs", "2", "--out", "two", "--progress", "lines");
        Assert.True(one.ExitCode is 0 or 1, one.All);
        Assert.True(two.ExitCode is 0 or 1, two.All);
        var report = workspace.Read("two/report.json");
        Assert.Equal(ClusterSpecs.Comparable(workspace.Read("one/report.json")), ClusterSpecs.Comparable(report));
        Assert.Equal(2, report.Split("\"trainedAtPoint\": 0", StringSplitOptions.None).Length - 1); // point 2's two seeds
        Assert.Equal(4, Directory.GetFiles(Path.Combine(workspace.Root, "two", "tasks"), "*.json").Length);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(workspace.Root, "two", "checkpoints")).Length); // point0-seed0, point0-seed1
    }
}
