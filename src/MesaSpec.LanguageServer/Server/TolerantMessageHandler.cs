using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace MesaSpec.LanguageServer.Server;

/// <summary>
/// LSP framing (<c>Content-Length</c> headers) that survives a malformed message: StreamJsonRpc would drop the
/// connection on a body that is not JSON-RPC; this handler logs it and reads the next message, so one bad
/// client write does not end the editing session.
/// </summary>
public sealed class TolerantMessageHandler(Stream sendingStream, Stream receivingStream, IJsonRpcMessageFormatter formatter, Action<string> log)
    : HeaderDelimitedMessageHandler(sendingStream, receivingStream, formatter)
{
    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken);
            }
            catch (Exception exception) when (IsMalformedMessage(exception))
            {
                log($"ignored a malformed message: {exception.Message}");
            }
        }
    }

    private static bool IsMalformedMessage(Exception exception) =>
        exception is JsonException or FormatException or BadRpcHeaderException or InvalidOperationException or ArgumentException
        || exception.InnerException is JsonException;
}
