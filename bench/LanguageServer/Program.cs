using System.Diagnostics;
using System.Globalization;
using MesaSpec.LanguageServer.Bench;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Server;
using Nerdbank.Streams;

// Language server benchmarks, through the protocol (JSON-RPC framing and serialization included).
//   dotnet run -c Release --project bench/LanguageServer [-- --iterations N]
// 1. diagnostics latency: didChange on a 2,000-line spec -> publishDiagnostics of that version (parse + bind stage)
// 2. completion and hover latency on the same spec (analysis of the current version cached, as while reading)
//    and right after a change (the request pays for the analysis)
// 3. resident memory of the real mesaspec-lsp process with every example open

var iterations = args.Length == 2 && args[0] == "--iterations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
var repository = FindRepository();
var examples = Directory.GetFiles(Path.Combine(repository, "examples"), "*.mesa").Order(StringComparer.Ordinal).ToArray();
var cheese = File.ReadAllText(examples.Single(e => e.EndsWith("cheese-in-the-corner.mesa", StringComparison.Ordinal)));
var spec = LargeSpec.Build(cheese, 2000);
const string Uri = "file:///bench/large.mesa";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}; spec: {spec.Count(c => c == '\n')} lines, {spec.Length / 1024} KB");

// ------------------------------------------------------------------ in-process server
var (clientStream, serverStream) = FullDuplexStream.CreatePair();
var host = new LanguageServerHost(serverStream, serverStream, new ServerOptions { IdentifiabilityLevels = 0 });
var serving = host.RunAsync();
using var client = new BenchClient(clientStream);
await client.InitializeAsync();
var opened = client.Waiter(Uri, 1).Task;
await client.OpenAsync(Uri, spec);
var first = await opened;
Console.WriteLine($"diagnostics on open: {first.Diagnostics.Length} ({first.Diagnostics.Count(d => d.Severity == 1)} errors)");

var lines = spec.Split('\n');
var hoverAt = new Position(Array.FindIndex(lines, l => l.Contains("ppo(", StringComparison.Ordinal)), lines.First(l => l.Contains("ppo(", StringComparison.Ordinal)).IndexOf("ppo", StringComparison.Ordinal) + 1);
var completeLine = Array.FindLastIndex(lines, l => l.StartsWith("  evaluate on ", StringComparison.Ordinal));
var completeAt = new Position(completeLine, "  evaluate on ".Length);
var document = new TextDocumentIdentifier(Uri);

var version = 1;
async Task<double> ChangeAndWaitAsync()
{
    version++;
    // Alternate a digit in the last experiment's seeds: a real edit that keeps the spec valid.
    var seedsLine = Array.FindLastIndex(lines, l => l.StartsWith("  seeds ", StringComparison.Ordinal));
    var range = new MesaSpec.LanguageServer.Protocol.Range(new Position(seedsLine, 8), new Position(seedsLine, 9));
    var published = client.Waiter(Uri, version).Task;
    var clock = Stopwatch.StartNew();
    await client.ChangeAsync(Uri, version, new TextDocumentContentChangeEvent(version % 2 == 0 ? "4" : "3", range));
    await published.WaitAsync(TimeSpan.FromSeconds(60));
    return clock.Elapsed.TotalMilliseconds;
}

// Warm-up: the server is a long-running process, so measure it in steady state. Tiered JIT promotes a method
// to optimised code after 30 calls (and a background delay), so a handful of warm-up edits left the first
// measured edits in unoptimised code and in the p95.
for (var i = 0; i < 40; i++)
{
    await ChangeAndWaitAsync();
}
await Task.Delay(500);
var diagnostics = new List<double>();
var cpu = new List<double>();
using var self = Process.GetCurrentProcess();
for (var i = 0; i < iterations; i++)
{
    self.Refresh();
    var before = self.TotalProcessorTime;
    diagnostics.Add(await ChangeAndWaitAsync());
    self.Refresh();
    cpu.Add((self.TotalProcessorTime - before).TotalMilliseconds);
}
Console.WriteLine(Percentiles.Describe($"diagnostics after a change (debounce {new ServerOptions().DiagnosticsDebounce.TotalMilliseconds} ms)", diagnostics));
Console.WriteLine(Percentiles.Describe("  CPU time per change (client + server)", cpu));

async Task<List<double>> TimeAsync(Func<Task> request, bool changeFirst)
{
    var times = new List<double>();
    for (var i = 0; i < iterations + 5; i++)
    {
        if (changeFirst)
        {
            version++;
            var seedsLine = Array.FindLastIndex(lines, l => l.StartsWith("  seeds ", StringComparison.Ordinal));
            await client.ChangeAsync(Uri, version, new TextDocumentContentChangeEvent(version % 2 == 0 ? "4" : "3", new MesaSpec.LanguageServer.Protocol.Range(new Position(seedsLine, 8), new Position(seedsLine, 9))));
        }
        var clock = Stopwatch.StartNew();
        await request();
        if (i >= 5)
        {
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
    }
    return times;
}

Task Hover() => client.Rpc.InvokeWithParameterObjectAsync<Hover?>("textDocument/hover", new HoverParams(document, hoverAt));
Task Complete() => client.Rpc.InvokeWithParameterObjectAsync<CompletionList?>("textDocument/completion", new CompletionParams(document, completeAt));
await client.Waiter(Uri, version).Task;
Console.WriteLine(Percentiles.Describe("completion (analysis cached)", await TimeAsync(Complete, changeFirst: false)));
Console.WriteLine(Percentiles.Describe("hover on a component (analysis cached)", await TimeAsync(Hover, changeFirst: false)));
Console.WriteLine(Percentiles.Describe("completion right after a change", await TimeAsync(Complete, changeFirst: true)));
Console.WriteLine(Percentiles.Describe("hover right after a change", await TimeAsync(Hover, changeFirst: true)));
var environmentAt = new Position(Array.FindIndex(lines, l => l.StartsWith("  train on ", StringComparison.Ordinal)), "  train on ".Length + 1);
var environmentHover = await client.Rpc.InvokeWithParameterObjectAsync<Hover?>("textDocument/hover", new HoverParams(document, environmentAt));
Console.WriteLine($"(environment hover: {environmentHover?.Contents.Value.Length ?? 0} characters, {environmentHover?.Contents.Value.Split("legend:").Length - 1 ?? 0} levels)");
Task HoverEnvironment() => client.Rpc.InvokeWithParameterObjectAsync<Hover?>("textDocument/hover", new HoverParams(document, environmentAt));
Console.WriteLine(Percentiles.Describe("hover on an environment (3 sampled levels)", await TimeAsync(HoverEnvironment, changeFirst: false)));
await client.ShutdownAsync();
await serving;

// ------------------------------------------------------------------ resident memory of the real executable
var server = Path.Combine(AppContext.BaseDirectory, "mesaspec-lsp.dll");
using var process = Process.Start(new ProcessStartInfo("dotnet", [server]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
_ = process.StandardError.ReadToEndAsync();
using (var real = new BenchClient(FullDuplexStream.Splice(process.StandardOutput.BaseStream, process.StandardInput.BaseStream)))
{
    await real.InitializeAsync(new Uri(Path.Combine(repository, "examples")).AbsoluteUri);
    process.Refresh();
    var idle = process.WorkingSet64;
    foreach (var example in examples)
    {
        var uri = new Uri(example).AbsoluteUri;
        var published = real.Waiter(uri, 1).Task;
        await real.OpenAsync(uri, File.ReadAllText(example));
        await published.WaitAsync(TimeSpan.FromSeconds(60));
    }
    await Task.Delay(TimeSpan.FromSeconds(3)); // let the identifiability stage finish
    process.Refresh();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"resident memory (mesaspec-lsp): {idle / 1048576.0:0.0} MB initialized, {process.WorkingSet64 / 1048576.0:0.0} MB with all {examples.Length} examples open and analysed (peak {process.PeakWorkingSet64 / 1048576.0:0.0} MB)"));
    await real.ShutdownAsync();
}
await process.WaitForExitAsync();
return 0;

static string FindRepository()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "MesaSpec.sln")))
        {
            return folder.FullName;
        }
    }
    throw new InvalidOperationException("run from inside the repository");
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
