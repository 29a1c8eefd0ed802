using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace MesaSpec.LanguageServer.Server;

/// <summary>
/// Stands between the client's raw bytes and StreamJsonRpc's LSP framing and passes on only whole messages: a
/// <c>Content-Length</c> header with a number, then that many bytes of complete JSON. A header that is not a
/// number (<c>Content-Length: abc</c>), a length too short (the body is cut off) or too long (it runs into the
/// next header) is logged and skipped by scanning to the next <c>Content-Length:</c>, so the messages after it are
/// answered; StreamJsonRpc alone never resynchronises and would leave every later request unanswered. After
/// <see cref="MaxConsecutiveBadFrames"/> bad frames in a row the input is not LSP at all: the stream ends (the
/// server exits with 1 and a logged error, and the client restarts it).
/// </summary>
public static class FrameResynchroniser
{
    public const int MaxConsecutiveBadFrames = 100;

    /// <summary>Larger bodies are refused: the 5 MB documents of the tests are far below this.</summary>
    public const long MaxBodyBytes = 256L * 1024 * 1024;

    private const int MaxHeaderBytes = 8 * 1024;
    private static readonly byte[] LengthHeader = "Content-Length:"u8.ToArray();
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>The stream StreamJsonRpc should read: well-framed messages only.</summary>
    public static Stream Wrap(Stream input, Action<string> log)
    {
        var pipe = new Pipe();
        _ = Task.Run(() => PumpAsync(input, pipe.Writer, log));
        return pipe.Reader.AsStream();
    }

    private static async Task PumpAsync(Stream input, PipeWriter output, Action<string> log)
    {
        var buffer = new Buffer();
        var bad = 0;
        var scanned = 0;
        try
        {
            while (true)
            {
                var step = Next(buffer.Data, scanned, out var message, out var consumed, out var problem);
                if (step == Step.NeedMore)
                {
                    scanned = buffer.Data.Length;
                    if (!await buffer.FillAsync(input))
                    {
                        break;
                    }
                    continue;
                }
                buffer.Consume(consumed);
                scanned = 0;
                if (problem is not null)
                {
                    log($"ignored a malformed message: {problem}");
                    if (++bad >= MaxConsecutiveBadFrames)
                    {
                        log($"giving up after {bad} malformed messages in a row: the input is not LSP; the server stops so the client can restart it");
                        break;
                    }
                }
                if (message is { } body)
                {
                    if (problem is null)
                    {
                        bad = 0;
                    }
                    await output.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
                    await output.WriteAsync(body);
                    var flushed = await output.FlushAsync();
                    if (flushed.IsCompleted)
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away: end the stream, as at the end of input.
        }
        await output.CompleteAsync();
    }

    private enum Step { NeedMore, Consumed }

    /// <summary>
    /// What the front of the buffered input holds: a message to pass on, bytes to drop, or too little to say.
    /// <paramref name="scanned"/> bytes were seen before without an answer: a long body is searched for the next
    /// header only where it grew, so a 5 MB message arriving in pieces costs linear time.
    /// </summary>
    private static Step Next(ReadOnlySpan<byte> data, int scanned, out byte[]? message, out int consumed, out string? problem)
    {
        message = null;
        problem = null;
        consumed = 0;
        var header = IndexOfIgnoreCase(data, LengthHeader);
        if (header < 0)
        {
            // Keep a tail that may be the start of the next header; the rest is noise.
            consumed = Math.Max(0, data.Length - LengthHeader.Length);
            problem = ContainsText(data[..consumed]) ? $"{consumed} bytes without a Content-Length header" : null;
            return consumed > 0 ? Step.Consumed : Step.NeedMore;
        }
        if (header > 0)
        {
            consumed = header;
            problem = IsHeaderLines(data[..header]) ? null : $"{header} bytes before the next Content-Length header";
            return Step.Consumed;
        }
        var end = data.IndexOf(HeaderEnd);
        if (end < 0)
        {
            if (data.Length <= MaxHeaderBytes)
            {
                return Step.NeedMore;
            }
            return Skip(out consumed, out problem, "a header without an end");
        }
        if (!TryLength(data[..end], out var length))
        {
            return Skip(out consumed, out problem, $"bad header '{Printable(data[..end])}'");
        }
        var bodyStart = end + HeaderEnd.Length;
        var available = data[bodyStart..];
        if (available.Length < length)
        {
            // A length too long runs into the next message: a complete JSON value followed by a header says so
            // without waiting for bytes that may never come.
            var from = Math.Max(0, scanned - bodyStart - LengthHeader.Length);
            var found = from < available.Length ? IndexOfIgnoreCase(available[from..], LengthHeader) : -1;
            var next = found < 0 ? -1 : from + found;
            if (next >= 0 && CompleteJsonLength(available[..next]) is > 0 and var valueLength && IsWhitespace(available[valueLength..next]))
            {
                message = available[..valueLength].ToArray();
                consumed = bodyStart + next;
                problem = $"Content-Length {length} is longer than its message ({valueLength} bytes)";
                return Step.Consumed;
            }
            return Step.NeedMore;
        }
        var body = available[..(int)length];
        var json = CompleteJsonLength(body);
        if (json == body.Length || (json > 0 && IsWhitespace(body[json..])))
        {
            message = body.ToArray();
            consumed = bodyStart + (int)length;
            return Step.Consumed;
        }
        // Cut off (too short) or not JSON: drop the header and look for the next one from inside the body.
        consumed = bodyStart;
        problem = json > 0
            ? $"Content-Length {length} does not match its message"
            : $"the {length} bytes after the header are not a complete JSON message (a Content-Length too short, or not JSON)";
        return Step.Consumed;
    }

    private static Step Skip(out int consumed, out string problem, string why)
    {
        // One byte past the header's start: the scan then finds the next header.
        consumed = 1;
        problem = why;
        return Step.Consumed;
    }

    private static bool TryLength(ReadOnlySpan<byte> headers, out long length)
    {
        length = -1;
        foreach (var range in headers.Split("\r\n"u8))
        {
            var line = headers[range];
            if (line.Length >= LengthHeader.Length && Ascii.EqualsIgnoreCase(line[..LengthHeader.Length], LengthHeader))
            {
                var value = line[LengthHeader.Length..].Trim((byte)' ');
                if (!Utf8Parser.TryParse(value, out long parsed, out var used) || used != value.Length || parsed < 0 || parsed > MaxBodyBytes)
                {
                    return false;
                }
                length = parsed;
            }
        }
        return length >= 0;
    }

    /// <summary>The length of the one JSON value at the start of <paramref name="data"/>, or -1 when it is not one.</summary>
    private static int CompleteJsonLength(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data, isFinalBlock: true, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
            if (!reader.Read())
            {
                return -1;
            }
            reader.Skip();
            return (int)reader.BytesConsumed;
        }
        catch (JsonException)
        {
            return -1;
        }
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> bytes) => bytes.Trim(" \t\r\n"u8).IsEmpty;

    private static bool ContainsText(ReadOnlySpan<byte> bytes) => !IsWhitespace(bytes);

    /// <summary>Other headers before Content-Length (Content-Type) are not noise.</summary>
    private static bool IsHeaderLines(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.EndsWith("\r\n"u8))
        {
            return false;
        }
        foreach (var range in bytes[..^2].Split("\r\n"u8))
        {
            var line = bytes[range];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[..colon].ContainsAnyExcept(HeaderNameBytes))
            {
                return false;
            }
        }
        return true;
    }

    private static readonly System.Buffers.SearchValues<byte> HeaderNameBytes = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"u8);

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> data, ReadOnlySpan<byte> value)
    {
        for (var from = 0; ;)
        {
            var c = data[from..].IndexOfAny((byte)'C', (byte)'c');
            if (c < 0)
            {
                return -1;
            }
            var at = from + c;
            if (data.Length - at < value.Length)
            {
                return -1;
            }
            if (Ascii.EqualsIgnoreCase(data.Slice(at, value.Length), value))
            {
                return at;
            }
            from = at + 1;
        }
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 80)]);
        return string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
    }

    /// <summary>Input read but not yet passed on.</summary>
    private sealed class Buffer
    {
        private byte[] _bytes = new byte[64 * 1024];
        private int _start;
        private int _end;

        public ReadOnlySpan<byte> Data => _bytes.AsSpan(_start, _end - _start);

        public void Consume(int count) => _start += count;

        public async Task<bool> FillAsync(Stream input)
        {
            if (_start > 0)
            {
                Array.Copy(_bytes, _start, _bytes, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _bytes.Length)
            {
                Array.Resize(ref _bytes, _bytes.Length * 2);
            }
            var read = await input.ReadAsync(_bytes.AsMemory(_end));
            _end += read;
            return read > 0;
        }
    }
}
