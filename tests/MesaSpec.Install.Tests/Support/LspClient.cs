using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace MesaSpec.Install.Tests.Support;

/// <summary>A minimal LSP client over a process's stdio: Content-Length framed JSON-RPC, as editors send it.</summary>
public sealed class LspClient(Process server)
{
    private readonly Stream _input = server.StandardInput.BaseStream;
    private readonly Stream _output = server.StandardOutput.BaseStream;
    private int _nextId = 1;

    public async Task<JsonElement> RequestAsync(string method, object parameters, TimeSpan limit)
    {
        var id = _nextId++;
        await SendAsync(new { jsonrpc = "2.0", id, method, @params = parameters });
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            using var message = await ReadAsync(timeout.Token);
            if (message.RootElement.TryGetProperty("id", out var got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id)
            {
                return message.RootElement.Clone();
            }
        }
    }

    public Task NotifyAsync(string method, object? parameters) => SendAsync(new { jsonrpc = "2.0", method, @params = parameters });

    private async Task SendAsync(object message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _input.WriteAsync(header);
        await _input.WriteAsync(body);
        await _input.FlushAsync();
    }

    private async Task<JsonDocument> ReadAsync(CancellationToken cancellation)
    {
        var length = -1;
        while (true)
        {
            var line = await ReadLineAsync(cancellation);
            if (line.Length == 0)
            {
                break;
            }
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        var body = new byte[length];
        await _output.ReadExactlyAsync(body, cancellation);
        return JsonDocument.Parse(body);
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellation)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await _output.ReadAsync(one, cancellation) == 0)
            {
                throw new EndOfStreamException("the server closed its output");
            }
            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
            }
            bytes.Add(one[0]);
        }
    }
}
