using MesaSpec.Experiments.Running;
using MesaSpec.Tests.Samples;

namespace MesaSpec.History.Tests;

public sealed class ConcurrentReaderTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_reader_sees_whole_reports_while_another_connection_writes()
    {
        using var writer = RunStore.Open(folder.Database);
        var id = writer.Begin(RunStoreTests.Start());
        writer.Record(id, SampleReports.Finished() with { Status = RunStatus.Running, DurationSeconds = 3 });
        var stop = 0;
        var reads = 0;
        var problems = new List<string>();
        using var firstRead = new ManualResetEventSlim();
        var reading = new Thread(() =>
        {
            using var reader = RunStore.Open(folder.Database);
            while (Volatile.Read(ref stop) == 0)
            {
                var run = reader.Find(id)!;
                var verdicts = run.Summary.Verdicts;
                // Each write stores a report whose duration equals its seed count; rows and JSON must agree.
                if (run.Report is { } report && report.Points[0].CompletedSeeds.Count != (int)report.DurationSeconds)
                {
                    problems.Add($"report {report.DurationSeconds} has {report.Points[0].CompletedSeeds.Count} seeds");
                }
                if (verdicts.Length == 0)
                {
                    problems.Add("verdict rows missing");
                }
                reader.List();
                Interlocked.Increment(ref reads);
                firstRead.Set();
            }
        });
        reading.Start();
        // Writes must overlap reads: on a fast machine 60 writes could finish before the reader's first query.
        Assert.True(firstRead.Wait(TimeSpan.FromSeconds(30)), "the reader never read");
        for (var i = 1; i <= 60 || (Volatile.Read(ref reads) < 5 && i <= 10_000); i++)
        {
            var seeds = Enumerable.Range(0, i % 3 + 1).ToList();
            var report = SampleReports.Finished(seeds: seeds.Count) with { Status = RunStatus.Running, DurationSeconds = seeds.Count };
            writer.Record(id, report);
        }
        writer.Record(id, SampleReports.Finished() with { DurationSeconds = 3 });
        Volatile.Write(ref stop, 1);
        reading.Join();
        Assert.Empty(problems);
        Assert.True(reads > 0);
        Assert.Equal(RunStatus.Finished, writer.Find(id)!.Summary.Status);
    }

    [Fact]
    public void A_reader_in_another_process_reads_while_a_run_writes()
    {
        using var child = ProcessKillTests.StartWriter(folder.Database);
        try
        {
            var id = long.Parse(child.StandardOutput.ReadLine()!["started ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("written", child.StandardOutput.ReadLine());
            using var reader = RunStore.Open(folder.Database);
            for (var i = 0; i < 50; i++)
            {
                var run = reader.Find(id)!;
                Assert.Equal(RunStatus.Running, run.Summary.Status);
                Assert.NotNull(run.Report);
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
    }
}
