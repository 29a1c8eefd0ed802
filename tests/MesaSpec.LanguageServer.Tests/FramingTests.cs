using System.Text;
using MesaSpec.LanguageServer.Server;
using Nerdbank.Streams;

namespace MesaSpec.LanguageServer.Tests;

/// <summary>
/// Issue 11, item 15: raw bytes with a wrong <c>Content-Length</c> used to leave the server deaf to every later
/// request. It resynchronises at the next header, and gives up (exit 1, logged) on input that is not LSP at all.
/// </summary>
public sealed class FramingTests
{
    private const string Hover = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///nowhere.mesa\"},\"position\":{\"line\":0,\"character\":0}}}";

    public static TheoryData<string> BadFrames() => new()
    {
        "short",
        "long",
        "abc",
        "negative",
        "huge",
        "no header",
        "garbage between",
    };

    [Theory]
    [MemberData(nameof(BadFrames))]
    public async Task After_a_bad_frame_the_next_requests_are_answered(string kind)
    {
        var body = Encoding.UTF8.GetBytes(Hover);
        var frame = kind switch
        {
            "short" => Frame(body.Length - 5, body),
            "long" => Frame(body.Length + 5, body),
            "abc" => [.. "Content-Length: abc\r\n\r\n"u8.ToArray(), .. body],
            "negative" => [.. "Content-Length: -3\r\n\r\n"u8.ToArray(), .. body],
            "huge" => [.. "Content-Length: 99999999999999999999\r\n\r\n"u8.ToArray(), .. body],
            "no header" => body,
            _ => [.. "\r\nhello there\r\n\r\n"u8.ToArray()],
        };
        using var server = new Served();
        var (clientStream, log, run) = (server.Client, server.Log, server.Run);
        await clientStream.WriteAsync(frame);
        await clientStream.FlushAsync();

        await using var client = new LspTestClient(clientStream: clientStream);
        var result = await client.InitializeAsync();
        Assert.True(result.GetProperty("capabilities").GetProperty("hoverProvider").GetBoolean());
        await client.ShutdownAndExitAsync();
        Assert.Equal(0, await run.WaitAsync(LspTestClient.Timeout));
        Assert.Contains("ignored a malformed message", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_frame_between_two_good_ones_loses_only_itself()
    {
        using var server = new Served();
        var (clientStream, log, run) = (server.Client, server.Log, server.Run);
        await using var client = new LspTestClient(clientStream: clientStream);
        await client.InitializeAsync();
        var body = Encoding.UTF8.GetBytes(Hover);
        // Written by hand between the client's own frames; the client's next request must still be answered.
        await clientStream.WriteAsync(Frame(body.Length - 5, body));
        await clientStream.FlushAsync();
        _ = await client.RequestAsync<System.Text.Json.JsonElement?>("textDocument/hover", new { textDocument = new { uri = Specs.Uri }, position = new { line = 0, character = 0 } });
        await client.ShutdownAndExitAsync();
        Assert.Equal(0, await run.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Input_that_is_not_LSP_at_all_ends_the_server_with_a_logged_error()
    {
        using var server = new Served();
        var (clientStream, log, run) = (server.Client, server.Log, server.Run);
        for (var i = 0; i < FrameResynchroniser.MaxConsecutiveBadFrames + 5; i++)
        {
            await clientStream.WriteAsync("Content-Length: x\r\n\r\n"u8.ToArray());
        }
        await clientStream.FlushAsync();
        Assert.Equal(1, await run.WaitAsync(LspTestClient.Timeout));
        Assert.Contains("giving up after", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_body_is_skipped_and_the_server_keeps_serving()
    {
        using var server = new Served();
        foreach (var body in new[] { "{this is not json", "[1, 2, 3]", "{\"jsonrpc\":\"2.0\",\"id\":{\"weird\":true},\"method\":5}" })
        {
            await server.Client.WriteAsync(Frame(Encoding.UTF8.GetByteCount(body), Encoding.UTF8.GetBytes(body)));
        }
        await server.Client.FlushAsync();
        await using var client = new LspTestClient(clientStream: server.Client);
        var result = await client.InitializeAsync();
        Assert.True(result.GetProperty("capabilities").GetProperty("hoverProvider").GetBoolean());
        await client.ShutdownAndExitAsync();
        Assert.Equal(0, await server.Run.WaitAsync(LspTestClient.Timeout));
        Assert.Contains("malformed", server.Log.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A server on an in-memory stream, written to by hand: raw bytes first, then an ordinary client.</summary>
    private sealed class Served : IDisposable
    {
        private readonly LanguageServerHost _host;

        public Served()
        {
            var (client, server) = FullDuplexStream.CreatePair();
            Client = client;
            _host = new LanguageServerHost(server, server, new ServerOptions { Log = Log, IdentifiabilityLevels = 0 });
            Run = _host.RunAsync();
        }

        public Stream Client { get; }

        public StringWriter Log { get; } = new();

        public Task<int> Run { get; }

        public void Dispose()
        {
            _host.Dispose();
            Log.Dispose();
        }
    }

    private static byte[] Frame(int length, byte[] body) => [.. Encoding.ASCII.GetBytes($"Content-Length: {length}\r\n\r\n"), .. body];
}
