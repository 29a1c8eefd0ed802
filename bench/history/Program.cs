using MesaSpec.Experiments.Running;
using System.Diagnostics;
using System.Globalization;
using MesaSpec.Experiments.Reports;
using MesaSpec.History;
using MesaSpec.Reporting;
using MesaSpec.Tests.Samples;

// Usage: dotnet run -c Release --project bench/history [report.json ...]
// Without arguments it measures the built-in sample reports (a finished run and a 4-point sweep).
// Stopwatch medians, not BenchmarkDotNet: the figures are milliseconds, and the machine is shared.
var reports = args.Length > 0
    ? args.Select(a => (Name: a, Report: ReportJson.Deserialize(File.ReadAllText(a))!)).ToList()
    : [("sample finished run", SampleReports.Finished()), ("sample 4-point sweep", SampleReports.Sweep())];

foreach (var (name, report) in reports)
{
    var html = HtmlReport.Render(report);
    var markdown = MarkdownReport.Render(report);
    var json = ReportJson.Serialize(report);
    Console.WriteLine($"{name}: report.json {Kb(json.Length)}, report.md {Kb(markdown.Length)}, report.html {Kb(System.Text.Encoding.UTF8.GetByteCount(html))}");
    Console.WriteLine($"  render report.html: median {Median(50, () => HtmlReport.Render(report)):0.00} ms; report.md: {Median(50, () => MarkdownReport.Render(report)):0.00} ms");

    var folder = Directory.CreateTempSubdirectory("mesaspec-bench-").FullName;
    try
    {
        using var store = RunStore.Open(Path.Combine(folder, "runs.db"));
        var start = new RunStart(report.Experiment, report.Spec.Path, new string('x', 2000), report.Spec.Sha256, report.Spec.PolicySource,
            report.EngineVersion, new Dictionary<string, string> { ["threads"] = "1" }, report.Seeds, folder);
        var seeds = report.Seeds.Count;
        // One run = Begin + one Record per completed seed + the final Record (what mesaspec run does).
        var perRun = Median(30, () =>
        {
            var id = store.Begin(start);
            for (var s = 0; s < seeds; s++)
            {
                store.Record(id, report with { Status = RunStatus.Running });
            }
            store.Record(id, report);
        });
        var perRecord = Median(60, () => store.Record(1, report));
        var files = Median(20, () => ReportDocuments.Write(report, folder));
        var runs = store.List(1000).Count;
        var path = store.DatabasePath;
        store.Dispose(); // closing checkpoints the WAL into the database file
        Console.WriteLine($"  history: {perRun:0.00} ms per run ({seeds} seed updates + final), {perRecord:0.00} ms per report write; "
            + $"writing json+md+html: {files:0.00} ms; database: {Kb((new FileInfo(path).Length + WalSize(path)) / runs)} per run ({runs} runs)");
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

static double Median(int repetitions, Action action)
{
    action();
    var times = new List<double>();
    for (var i = 0; i < repetitions; i++)
    {
        var clock = Stopwatch.StartNew();
        action();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times[times.Count / 2];
}

static long WalSize(string database) => File.Exists(database + "-wal") ? new FileInfo(database + "-wal").Length : 0;

static string Kb(long bytes) => $"{(bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KB";
