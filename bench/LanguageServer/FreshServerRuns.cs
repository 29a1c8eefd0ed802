using System.Diagnostics;
using MesaSpec.LanguageServer.Protocol;
using Nerdbank.Streams;

namespace MesaSpec.LanguageServer.Bench;

/// <summary>
/// Diagnostics after a change as a user meets them at the start of an editing session: a fresh server process per
/// run (the real executable, as the editor starts it), the spec opened, 5 warm-up edits, then the measured edits.
/// What the server does in its first minute (tier-0 code, JIT) shows here and not in the steady state.
/// </summary>
public static class FreshServerRuns
{
    public const int WarmUpEdits = 5;

    /// <param name="server">The program and arguments that start the server over stdio (e.g. dotnet mesaspec-lsp.dll).</param>
    /// <returns>Every measured latency, the first edit of each run, and the server's CPU time per measured edit of each run.</returns>
    public static async Task<(List<double> Latencies, List<double> FirstEdit, List<double> CpuPerEdit)> MeasureAsync(
        IReadOnlyList<string> server, string spec, int runs, int edits, IReadOnlyDictionary<string, string>? environment = null)
    {
        var latencies = new List<double>();
        var firstEdits = new List<double>();
        var cpuPerEdit = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var start = new ProcessStartInfo(server[0], server.Skip(1))
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }
            using var process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync();
            using (var client = new BenchClient(FullDuplexStream.Splice(process.StandardOutput.BaseStream, process.StandardInput.BaseStream)))
            {
                await client.InitializeAsync();
                var editor = new SeedsEditor(client, spec);
                await editor.OpenAsync();
                for (var i = 0; i < WarmUpEdits; i++)
                {
                    var elapsed = await editor.ChangeAndWaitAsync();
                    if (i == 0)
                    {
                        firstEdits.Add(elapsed);
                    }
                }
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                for (var i = 0; i < edits; i++)
                {
                    latencies.Add(await editor.ChangeAndWaitAsync());
                }
                process.Refresh();
                // CPU time is what the machine's load does not inflate (waiting for a core is not counted).
                cpuPerEdit.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds / edits);
                await client.ShutdownAsync();
            }
            await process.WaitForExitAsync();
        }
        return (latencies, firstEdits, cpuPerEdit);
    }
}

/// <summary>Opens the benchmark spec and edits a digit of its last experiment's seeds: a real edit that keeps it valid.</summary>
public sealed class SeedsEditor(BenchClient client, string spec)
{
    public const string Uri = "file:///bench/large.mesa";

    private readonly int _seedsLine = Array.FindLastIndex(spec.Split('\n'), l => l.StartsWith("  seeds ", StringComparison.Ordinal));
    private int _version = 1;

    public int Version => _version;

    public async Task OpenAsync()
    {
        var opened = client.Waiter(Uri, 1).Task;
        await client.OpenAsync(Uri, spec);
        await opened.WaitAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>Sends one edit; the milliseconds until the diagnostics of that version arrive.</summary>
    public async Task<double> ChangeAndWaitAsync()
    {
        var published = client.Waiter(Uri, _version + 1).Task;
        var clock = Stopwatch.StartNew();
        await ChangeAsync();
        await published.WaitAsync(TimeSpan.FromSeconds(60));
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Sends one edit without waiting for its diagnostics.</summary>
    public Task ChangeAsync()
    {
        _version++;
        var range = new MesaSpec.LanguageServer.Protocol.Range(new Position(_seedsLine, 8), new Position(_seedsLine, 9));
        return client.ChangeAsync(Uri, _version, new TextDocumentContentChangeEvent(_version % 2 == 0 ? "4" : "3", range));
    }
}
