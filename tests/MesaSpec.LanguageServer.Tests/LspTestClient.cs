using System.Collections.Concurrent;
using System.Text.Json;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Server;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace MesaSpec.LanguageServer.Tests;

/// <summary>
/// An LSP client talking to an in-process server over an in-memory duplex stream, with a timeout on every wait.
/// Collects the server's notifications (diagnostics, progress, custom ones) for assertions.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    // Generous: the test projects run in parallel with the CLI tests (worker processes, a Slurm array) on 2 cores.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly LanguageServerHost? _host;
    private readonly Task<int>? _serverRun;
    private readonly ConcurrentQueue<PublishDiagnosticsParams> _diagnostics = new();
    private readonly SemaphoreSlim _notified = new(0);

    public LspTestClient(ServerOptions? options = null, Stream? clientStream = null)
    {
        Stream stream;
        if (clientStream is null)
        {
            var (client, server) = FullDuplexStream.CreatePair();
            _host = new LanguageServerHost(server, server, options ?? new ServerOptions { DiagnosticsDebounce = TimeSpan.Zero, IdentifiabilityLevels = 0 });
            _serverRun = _host.RunAsync();
            stream = client;
        }
        else
        {
            stream = clientStream;
        }
        var formatter = new SystemTextJsonFormatter();
        LspJson.Configure(formatter.JsonSerializerOptions);
        Rpc = new JsonRpc(new HeaderDelimitedMessageHandler(stream, stream, formatter));
        Target = new ClientTarget(this);
        Rpc.AddLocalRpcTarget(Target, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        Rpc.StartListening();
    }

    public JsonRpc Rpc { get; }

    public ClientTarget Target { get; }

    public MesaLanguageServer Server => _host!.Server;

    public Task<int> ServerRun => _serverRun!;

    public IEnumerable<PublishDiagnosticsParams> AllDiagnostics => _diagnostics;

    public async Task<JsonElement> InitializeAsync(string? rootUri = null, object? initializationOptions = null)
    {
        var result = await RequestAsync<JsonElement>("initialize", new { processId = (int?)null, rootUri, capabilities = new { window = new { workDoneProgress = true } }, initializationOptions });
        await Rpc.NotifyWithParameterObjectAsync("initialized", new { });
        return result;
    }

    public Task<T> RequestAsync<T>(string method, object? parameters, CancellationToken cancellation = default) =>
        Rpc.InvokeWithParameterObjectAsync<T>(method, parameters, cancellation).WaitAsync(Timeout, cancellation);

    public Task NotifyAsync(string method, object? parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters).WaitAsync(Timeout);

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(uri, "mesaspec", version, text)));

    public Task ChangeAsync(string uri, int version, params TextDocumentContentChangeEvent[] changes) =>
        NotifyAsync("textDocument/didChange", new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), changes));

    /// <summary>Waits for a diagnostics notification for <paramref name="uri"/> matching <paramref name="predicate"/> (earlier ones included).</summary>
    public async Task<PublishDiagnosticsParams> DiagnosticsAsync(string uri, Func<PublishDiagnosticsParams, bool>? predicate = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var match = _diagnostics.LastOrDefault(d => d.Uri == uri && (predicate?.Invoke(d) ?? true));
            if (match is not null)
            {
                return match;
            }
            await _notified.WaitAsync(timeout.Token);
        }
    }

    internal void Received(PublishDiagnosticsParams diagnostics)
    {
        _diagnostics.Enqueue(diagnostics);
        _notified.Release();
    }

    internal void Notified() => _notified.Release();

    public async Task ShutdownAndExitAsync()
    {
        await RequestAsync<object?>("shutdown", null);
        await NotifyAsync("exit", null);
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        if (_host is not null)
        {
            await _serverRun!.WaitAsync(Timeout);
            _host.Dispose();
        }
    }

    /// <summary>What the server may send the client.</summary>
    public sealed class ClientTarget(LspTestClient client)
    {
        public ConcurrentQueue<(string Method, JsonElement Parameters)> Notifications { get; } = new();

        public Func<JsonElement, object?> Configuration { get; set; } = _ => new object?[] { null };

        [JsonRpcMethod("textDocument/publishDiagnostics")]
        public void PublishDiagnostics(PublishDiagnosticsParams parameters) => client.Received(parameters);

        [JsonRpcMethod("window/logMessage")]
        public void LogMessage(JsonElement parameters) => Record("window/logMessage", parameters);

        [JsonRpcMethod("window/showMessage")]
        public void ShowMessage(JsonElement parameters) => Record("window/showMessage", parameters);

        [JsonRpcMethod("$/progress")]
        public void Progress(JsonElement parameters) => Record("$/progress", parameters);

        [JsonRpcMethod("mesaspec/runFinished")]
        public void RunFinished(JsonElement parameters) => Record("mesaspec/runFinished", parameters);

        [JsonRpcMethod("window/workDoneProgress/create")]
        public object? CreateProgress(JsonElement parameters)
        {
            Record("window/workDoneProgress/create", parameters);
            return null;
        }

        [JsonRpcMethod("workspace/configuration")]
        public object? WorkspaceConfiguration(JsonElement parameters) => Configuration(parameters);

        public async Task<JsonElement> WaitForAsync(string method, Func<JsonElement, bool>? predicate = null)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            while (true)
            {
                foreach (var (m, p) in Notifications)
                {
                    if (m == method && (predicate?.Invoke(p) ?? true))
                    {
                        return p;
                    }
                }
                await Task.Delay(10, timeout.Token);
            }
        }

        private void Record(string method, JsonElement parameters)
        {
            Notifications.Enqueue((method, parameters.Clone()));
            client.Notified();
        }
    }
}
