using Microsoft.VisualStudio.Threading;
using MesaSpec.LanguageServer.Protocol;
using StreamJsonRpc;

namespace MesaSpec.LanguageServer.Server;

/// <summary>
/// Wires a <see cref="MesaLanguageServer"/> to a pair of streams with LSP framing. Used by <c>mesaspec-lsp</c>,
/// <c>mesaspec lsp</c> (stdio) and the tests (in-memory duplex streams).
/// </summary>
public sealed class LanguageServerHost : IDisposable
{
    private readonly JsonRpc _rpc;

    public LanguageServerHost(Stream input, Stream output, ServerOptions? options = null)
    {
        options ??= new ServerOptions();
        var log = options.Log;
        var formatter = new SystemTextJsonFormatter();
        LspJson.Configure(formatter.JsonSerializerOptions);
        void Logged(string message) => Log(log, message);
        var handler = new TolerantMessageHandler(output, FrameResynchroniser.Wrap(input, Logged), formatter, Logged);
        _rpc = new JsonRpc(handler)
        {
            // Messages start in arrival order, one at a time: didChange notifications apply in sequence. Request
            // handlers hand their work to the thread pool, so reads still run concurrently on immutable snapshots.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        Server = new MesaLanguageServer(_rpc, options);
        _rpc.AddLocalRpcTarget(Server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        _rpc.Disconnected += (_, e) =>
        {
            if (e.Reason is not DisconnectedReason.LocallyDisposed and not DisconnectedReason.RemotePartyTerminated)
            {
                Log(log, $"disconnected: {e.Reason} {e.Description}");
            }
        };
    }

    public MesaLanguageServer Server { get; }

    /// <summary>Serves until <c>exit</c> (0 after <c>shutdown</c>, 1 without) or until the client goes away (1).</summary>
    public async Task<int> RunAsync()
    {
        _rpc.StartListening();
        var finished = await Task.WhenAny(Server.Exited, _rpc.Completion.ContinueWith(_ => 1, TaskScheduler.Default));
        var code = await finished;
        Server.StopRuns();
        return code;
    }

    public static Task<int> RunOverStdioAsync(ServerOptions? options = null)
    {
        // Nothing but protocol messages may reach stdout: anything else that writes to Console goes to stderr.
        var stdout = Console.OpenStandardOutput();
        var stdin = Console.OpenStandardInput();
        Console.SetOut(Console.Error);
        var host = new LanguageServerHost(stdin, stdout, (options ?? new ServerOptions()) with { Log = Console.Error });
        return host.RunAsync();
    }

    private static void Log(TextWriter log, string message)
    {
        lock (log)
        {
            log.WriteLine($"[mesaspec-lsp] {message}");
            log.Flush();
        }
    }

    public void Dispose() => _rpc.Dispose();
}
