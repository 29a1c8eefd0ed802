using System.Collections.Concurrent;
using MesaSpec.LanguageServer.Protocol;
using StreamJsonRpc;

namespace MesaSpec.LanguageServer.Bench;

/// <summary>A minimal LSP client: requests, and a signal per published diagnostics version.</summary>
public sealed class BenchClient : IDisposable
{
    private readonly ConcurrentDictionary<(string Uri, int Version), TaskCompletionSource<PublishDiagnosticsParams>> _waiting = new();

    public BenchClient(Stream stream)
    {
        var formatter = new SystemTextJsonFormatter();
        LspJson.Configure(formatter.JsonSerializerOptions);
        Rpc = new JsonRpc(new HeaderDelimitedMessageHandler(stream, stream, formatter));
        Rpc.AddLocalRpcTarget(new Target(this), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        Rpc.StartListening();
    }

    public JsonRpc Rpc { get; }

    public TaskCompletionSource<PublishDiagnosticsParams> Waiter(string uri, int version) =>
        _waiting.GetOrAdd((uri, version), _ => new TaskCompletionSource<PublishDiagnosticsParams>(TaskCreationOptions.RunContinuationsAsynchronously));

    public async Task InitializeAsync(string? rootUri = null)
    {
        await Rpc.InvokeWithParameterObjectAsync<object>("initialize", new { processId = (int?)null, rootUri, capabilities = new { } });
        await Rpc.NotifyWithParameterObjectAsync("initialized", new { });
    }

    public Task OpenAsync(string uri, string text) =>
        Rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(uri, "mesaspec", 1, text)));

    public Task ChangeAsync(string uri, int version, TextDocumentContentChangeEvent change) =>
        Rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), [change]));

    public async Task ShutdownAsync()
    {
        await Rpc.InvokeWithParameterObjectAsync<object?>("shutdown", null);
        await Rpc.NotifyWithParameterObjectAsync("exit", null);
    }

    public void Dispose() => Rpc.Dispose();

    private sealed class Target(BenchClient client)
    {
        [JsonRpcMethod("textDocument/publishDiagnostics")]
        public void PublishDiagnostics(PublishDiagnosticsParams parameters)
        {
            if (parameters.Version is { } version)
            {
                client.Waiter(parameters.Uri, version).TrySetResult(parameters);
            }
        }
    }
}
