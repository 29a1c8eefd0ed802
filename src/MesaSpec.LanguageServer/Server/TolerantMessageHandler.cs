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
    /// <summary>After this many bad messages in a row the stream is beyond repair (or not LSP at all): give up.</summary>
    public const int MaxConsecutiveMalformed = 100;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken);
            }
            catch (Exception exception) when (IsMalformedMessage(exception) && failures < MaxConsecutiveMalformed && !cancellationToken.IsCancellationRequested)
            {
                log($"ignored a malformed message: {exception.Message}");
            }
        }
    }

    private static bool IsMalformedMessage(Exception exception) =>
        exception is JsonException or FormatException or BadRpcHeaderException or InvalidOperationException or ArgumentException
        || exception.InnerException is JsonException;
}
