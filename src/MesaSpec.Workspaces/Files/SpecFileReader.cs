using System.Buffers;
using System.Text;
using System.Text.Unicode;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Text;

namespace MesaSpec.Workspaces.Files;

/// <summary>The text of a spec file, or the MS0xxx diagnostic saying why it cannot be used.</summary>
public sealed record SpecFile(string Path, SourceText? Text, Diagnostic? Problem);

/// <summary>
/// The one way a spec is read from disk, by the CLI (check, fmt, folder scans, imports), the language server
/// (imports, workspace symbols, commands on unopened files) and the snapshot tests. It refuses what is not a spec
/// before any parser sees it: what is not a regular file (a FIFO would block, a device never ends), files above
/// <see cref="MaxBytes"/> (never more than that is read, even from a file that grows), binary files (a NUL
/// byte), and text that is not valid UTF-8. A UTF-8 byte order mark is dropped.
/// </summary>
public static class SpecFileReader
{
    /// <summary>Specs are hand-written; 4 MB is ~100,000 lines, far beyond any real one.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    public static SpecFile Read(string fullPath)
    {
        try
        {
            var kind = FileKinds.Of(fullPath);
            switch (kind)
            {
                case FileKind.Missing:
                    return new SpecFile(fullPath, null, DiagnosticCatalog.FileNotFound(fullPath));
                case FileKind.Unknown when new FileInfo(fullPath).Length == 0:
                    // Where the kind cannot be asked, an empty file is not opened: it may be a FIFO, and if it is
                    // a regular file its text is known.
                    return Decode(fullPath, []);
                case not (FileKind.Regular or FileKind.Unknown):
                    return new SpecFile(fullPath, null, DiagnosticCatalog.NotARegularFile(fullPath, FileKinds.Describe(kind)));
            }
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            var length = stream.Length;
            if (length > MaxBytes)
            {
                return new SpecFile(fullPath, null, DiagnosticCatalog.FileTooLarge(fullPath, length, MaxBytes));
            }
            return Decode(fullPath, ReadAtMost(stream, MaxBytes + 1));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new SpecFile(fullPath, null, DiagnosticCatalog.FileUnreadable(fullPath, exception.Message));
        }
    }

    private static byte[] ReadAtMost(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static SpecFile Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return new SpecFile(path, null, DiagnosticCatalog.FileTooLarge(path, bytes.Length, MaxBytes));
        }
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return new SpecFile(path, null, DiagnosticCatalog.BinaryFile(path, nul));
        }
        var body = bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, body.Length));
        try
        {
            var status = Utf8.ToUtf16(body, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var offset = read + (bytes.Length - body.Length);
                return new SpecFile(path, null, DiagnosticCatalog.InvalidEncoding(path, offset));
            }
            return new SpecFile(path, new SourceText(new string(chars, 0, written), path), null);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
