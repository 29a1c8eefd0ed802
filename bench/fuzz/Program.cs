using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MesaSpec.Fuzz;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Formatting;
using MesaSpec.Language.Syntax;
using MesaSpec.LanguageServer.Bench;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Server;
using Nerdbank.Streams;
using StreamJsonRpc;

// Mutation-fuzz soak (issue 11): every input goes through check (parse, bind, design checks), fmt (format, and
// format again: it must be idempotent) and the language server (the document replaced, then outline, hover and
// completion at a random position), each under a timeout. A crash is any exception (or a server error answer), a
// hang any step over the timeout. Inputs that crash or hang are written to --out for replay.
//
//   dotnet run -c Release --project bench/fuzz -- [--inputs 100000] [--seed 1] [--timeout-ms 10000] [--out DIR]
var inputs = Option("--inputs", 100_000);
var seed = Option("--seed", 1);
var timeout = TimeSpan.FromMilliseconds(Option("--timeout-ms", 10_000));
var outFolder = OptionText("--out") ?? Path.Combine(Path.GetTempPath(), "mesaspec-fuzz");
Directory.CreateDirectory(outFolder);

var root = RepositoryRoot();
var corpus = Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.mesa", SearchOption.AllDirectories)
    .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests", "MesaSpec.Language.Tests", "Baselines"), "input.mesa", SearchOption.AllDirectories))
    .Order(StringComparer.Ordinal)
    .Select(File.ReadAllText)
    .ToList();
var mutator = new Mutator(corpus, seed);

var (clientStream, serverStream) = FullDuplexStream.CreatePair();
using var host = new LanguageServerHost(serverStream, serverStream, new ServerOptions { DiagnosticsDebounce = TimeSpan.Zero, IdentifiabilityLevels = 0 });
var serverRun = host.RunAsync();
using var client = new BenchClient(clientStream);
await client.InitializeAsync();
const string Uri = "file:///fuzz/main.mesa";
await client.OpenAsync(Uri, "");

int crashes = 0, hangs = 0, notIdempotent = 0, serverCrashes = 0;
var clock = Stopwatch.StartNew();
var random = new Random(seed);
for (var i = 0; i < inputs; i++)
{
    var text = mutator.Next();
    var check = Task.Run(() => CheckAndFormat(text));
    if (!check.Wait(timeout))
    {
        hangs++;
        Save("hang-check", i, text);
        continue;
    }
    if (check.Result is { } failure)
    {
        if (failure.StartsWith("not idempotent", StringComparison.Ordinal))
        {
            notIdempotent++;
            Save("fmt-not-idempotent", i, text + "\n//----- " + failure);
        }
        else
        {
            crashes++;
            Save("crash-check", i, text + "\n//----- " + failure);
        }
    }

    var document = new TextDocumentIdentifier(Uri);
    var position = RandomPosition(text, random);
    try
    {
        await client.ChangeAsync(Uri, i + 2, new TextDocumentContentChangeEvent(text)).WaitAsync(timeout);
        await client.Rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/documentSymbol", new DocumentSymbolParams(document)).WaitAsync(timeout);
        await client.Rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/hover", new HoverParams(document, position)).WaitAsync(timeout);
        await client.Rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/completion", new CompletionParams(document, position)).WaitAsync(timeout);
        if (i % 100 == 0)
        {
            // The diagnostics pipeline must keep up too: wait for this version's diagnostics now and then.
            await client.Waiter(Uri, i + 2).Task.WaitAsync(timeout);
        }
    }
    catch (TimeoutException)
    {
        hangs++;
        Save("hang-server", i, text);
    }
    catch (RemoteInvocationException exception)
    {
        serverCrashes++;
        Save("crash-server", i, text + "\n//----- " + exception.Message);
    }
    catch (ConnectionLostException exception)
    {
        serverCrashes++;
        Save("server-died", i, text + "\n//----- " + exception.Message);
        Console.WriteLine($"the server died at input {i}; stopping");
        break;
    }
    if ((i + 1) % 5000 == 0)
    {
        Console.WriteLine($"{i + 1} inputs, {clock.Elapsed.TotalSeconds:F0} s: {crashes} check/fmt crashes, {serverCrashes} server crashes, {hangs} hangs, {notIdempotent} fmt not idempotent");
    }
}
clock.Stop();
try
{
    await client.ShutdownAsync().WaitAsync(timeout);
    await serverRun.WaitAsync(timeout);
}
catch (Exception exception) when (exception is TimeoutException or ConnectionLostException)
{
    serverCrashes++;
    Console.WriteLine($"the server did not shut down cleanly: {exception.Message}");
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"fuzz: {inputs} inputs (seed {seed}, corpus {corpus.Count} specs, timeout {timeout.TotalSeconds:F0} s) in {clock.Elapsed.TotalSeconds:F0} s ({inputs / clock.Elapsed.TotalSeconds:F0}/s): {crashes} check/fmt crashes, {serverCrashes} server crashes, {hangs} hangs, {notIdempotent} fmt not idempotent; failures in {outFolder}"));
return crashes + serverCrashes + hangs == 0 ? 0 : 1;

static string? CheckAndFormat(string text)
{
    try
    {
        var tree = SyntaxTree.Parse(text, "/fuzz/main.mesa");
        var compilation = Compilation.Create(tree);
        _ = compilation.Diagnostics;
        _ = compilation.Plans;
        if (tree.Diagnostics.Any(d => d.IsError))
        {
            return null;
        }
        var once = Formatter.Format(tree);
        var twice = Formatter.Format(once);
        return once == twice ? null : "not idempotent";
    }
    catch (Exception exception)
    {
        return exception.ToString();
    }
}

static Position RandomPosition(string text, Random random)
{
    var offset = text.Length == 0 ? 0 : random.Next(text.Length + 1);
    var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
    var line = text.AsSpan(0, lineStart).Count('\n');
    return new Position(line, offset - lineStart);
}

void Save(string kind, int index, string text) =>
    File.WriteAllText(Path.Combine(outFolder, $"{kind}-{seed}-{index}.mesa"), text);

int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

static string RepositoryRoot()
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
