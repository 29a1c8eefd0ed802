using MesaSpec.Experiments.Running;
using System.Diagnostics;

namespace MesaSpec.History.Tests;

/// <summary>A run killed at any moment leaves the database consistent, with the run shown as interrupted.</summary>
public sealed class ProcessKillTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(150)]
    public void Killing_a_writer_mid_run_leaves_a_sound_database_and_an_interrupted_run(int millisecondsAfterFirstWrite)
    {
        long id;
        using (var child = StartWriter(folder.Database))
        {
            var started = child.StandardOutput.ReadLine();
            Assert.StartsWith("started ", started, StringComparison.Ordinal);
            id = long.Parse(started!["started ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("written", child.StandardOutput.ReadLine());
            Thread.Sleep(millisecondsAfterFirstWrite);

            // While the child writes in its loop, this process reads.
            using (var reader = RunStore.Open(folder.Database))
            {
                Assert.Equal(RunStatus.Running, reader.Find(id)!.Summary.Status);
            }
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        using var store = RunStore.Open(folder.Database);
        Assert.Equal("ok", store.IntegrityCheck());
        var run = store.Find(id)!;
        Assert.Equal(RunStatus.Interrupted, run.Summary.Status);
        Assert.Null(run.Summary.Passed);
        // The last committed write is whole: its report, its verdict rows and its one report artifact agree.
        Assert.NotNull(run.Report);
        Assert.Equal("Maze: robustly_aligned; MazeAnywhere: pseudo_aligned(GoToCorner)", run.Summary.Verdicts);
        var reports = run.Artifacts.Where(a => a.Kind == "report").ToList();
        Assert.Single(reports);
        Assert.Equal($"report-{run.Report!.DurationSeconds}.json", reports[0].Path);

        // The database stays writable after the crash.
        var next = store.Begin(RunStoreTests.Start());
        Assert.Equal(RunStatus.Running, store.Find(next)!.Summary.Status);
    }

    internal static Process StartWriter(string database)
    {
        var writer = Path.Combine(AppContext.BaseDirectory.Replace("MesaSpec.History.Tests", "MesaSpec.History.CrashWriter", StringComparison.Ordinal),
            "MesaSpec.History.CrashWriter.dll");
        Assert.True(File.Exists(writer), $"the crash writer is built next to the tests: {writer}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(database);
        return Process.Start(start)!;
    }
}
