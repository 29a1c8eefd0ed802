using MesaSpec.Experiments.Running;
using MesaSpec.History;
using MesaSpec.Tests.Samples;

// Test helper: records one run, then rewrites its report in a loop (as a run does after every seed) until
// the test kills this process. Prints "started <id>" once the run row exists, then a dot per write.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: MesaSpec.History.CrashWriter <database path>");
    return 2;
}
using var store = RunStore.Open(args[0]);
var id = store.Begin(new RunStart("CheeseInTheCorner", "cheese.mesa", "experiment CheeseInTheCorner {}", "ab12", "random", "0.1.0",
    new Dictionary<string, string> { ["threads"] = "1" }, [0, 1, 2], null));
Console.WriteLine($"started {id}");
var report = SampleReports.Finished() with { Status = RunStatus.Running, FinishedAt = null };
for (var i = 0; ; i++)
{
    store.Record(id, report with { DurationSeconds = i }, [new RunArtifact("report", $"report-{i}.json")]);
    if (i == 0)
    {
        Console.WriteLine("written");
    }
}
