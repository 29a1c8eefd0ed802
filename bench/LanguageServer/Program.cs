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
// 4. the first minute: a fresh mesaspec-lsp process per run, 5 warm-up edits, then the measured edits
//    (--fresh-runs N, default 5; --server PROGRAM [ARGS...] as the last option: another build of the server, e.g.
//    the vsix's or the installed tool's 'mesaspec lsp'; --fresh-only skips 1-3)

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var iterations = Option("--iterations") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 60;
var freshRuns = Option("--fresh-runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
var serverCommand = Array.IndexOf(args, "--server") is var s and >= 0 ? args[(s + 1)..] : ["dotnet", Path.Combine(AppContext.BaseDirectory, "mesaspec-lsp.dll")];
var repository = FindRepository();
var examples = Directory.GetFiles(Path.Combine(repository, "examples"), "*.mesa").Order(StringComparer.Ordinal).ToArray();
var cheese = File.ReadAllText(examples.Single(e => e.EndsWith("cheese-in-the-corner.mesa", StringComparison.Ordinal)));
var spec = LargeSpec.Build(cheese, 2000);
const string Uri = SeedsEditor.Uri;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}; spec: {spec.Count(c => c == '\n')} lines, {spec.Length / 1024} KB");
if (args.Contains("--fresh-only"))
{
    await MeasureFreshAsync();
    return 0;
}

// ------------------------------------------------------------------ in-process server
var (clientStream, serverStream) = FullDuplexStream.CreatePair();
var host = new LanguageServerHost(serverStream, serverStream, new ServerOptions { IdentifiabilityLevels = 0 });
var serving = host.RunAsync();
using var client = new BenchClient(clientStream);
await client.InitializeAsync();
var opened = client.Waiter(Uri, 1).Task;
var editor = new SeedsEditor(client, spec);
await editor.OpenAsync();
var first = await opened;
Console.WriteLine($"diagnostics on open: {first.Diagnostics.Length} ({first.Diagnostics.Count(d => d.Severity == 1)} errors)");

var lines = spec.Split('\n');
var hoverAt = new Position(Array.FindIndex(lines, l => l.Contains("ppo(", StringComparison.Ordinal)), lines.First(l => l.Contains("ppo(", StringComparison.Ordinal)).IndexOf("ppo", StringComparison.Ordinal) + 1);
var completeLine = Array.FindLastIndex(lines, l => l.StartsWith("  evaluate on ", StringComparison.Ordinal));
var completeAt = new Position(completeLine, "  evaluate on ".Length);
var document = new TextDocumentIdentifier(Uri);

Task<double> ChangeAndWaitAsync() => editor.ChangeAndWaitAsync();

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
            await editor.ChangeAsync();
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
await client.Waiter(Uri, editor.Version).Task;
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
await MeasureFreshAsync();
return 0;

async Task MeasureFreshAsync()
{
    // --server-env NAME=VALUE (repeatable): runtime settings for the server process, e.g. DOTNET_ReadyToRun=0.
    var environment = args.Select((a, i) => (a, i)).Where(p => p.a == "--server-env" && p.i + 1 < args.Length)
        .Select(p => args[p.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
    var (latencies, firstEdits, cpu) = await FreshServerRuns.MeasureAsync(serverCommand, spec, freshRuns, iterations, environment);
    Console.WriteLine($"fresh server ({string.Join(' ', serverCommand)}{string.Concat(environment.Select(kv => $" {kv.Key}={kv.Value}"))}): {freshRuns} runs, {FreshServerRuns.WarmUpEdits} warm-up edits, {iterations} measured each; load average {LoadAverage()}");
    Console.WriteLine(Percentiles.Describe("  diagnostics after a change, from the 6th edit", latencies));
    Console.WriteLine(Percentiles.Describe("  the first edit of a fresh server", firstEdits));
    Console.WriteLine(Percentiles.Describe("  server CPU time per measured edit (per run)", cpu));
}

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
