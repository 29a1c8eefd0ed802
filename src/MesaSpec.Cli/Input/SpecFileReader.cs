using System.Buffers;
using System.Text;
using System.Text.Unicode;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Text;

namespace MesaSpec.Cli.Input;

/// <summary>The text of a spec file, or the MS0xxx diagnostic saying why it cannot be used.</summary>
public sealed record SpecFile(string Path, SourceText? Text, Diagnostic? Problem);

/// <summary>
/// Reads a spec from disk and refuses what is not a spec before any parser sees it: files above
/// <see cref="MaxBytes"/>, binary files (a NUL byte), and text that is not valid UTF-8. A UTF-8 byte
/// order mark is dropped.
/// </summary>
public static class SpecFileReader
{
    /// <summary>Specs are hand-written; 4 MB is ~100,000 lines, far beyond any real one.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    public static SpecFile Read(string fullPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                return new SpecFile(fullPath, null, DiagnosticCatalog.FileNotFound(fullPath));
            }
            if (info.Length > MaxBytes)
            {
                return new SpecFile(fullPath, null, DiagnosticCatalog.FileTooLarge(fullPath, info.Length, MaxBytes));
            }
            var bytes = File.ReadAllBytes(fullPath);
            return Decode(fullPath, bytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new SpecFile(fullPath, null, DiagnosticCatalog.FileUnreadable(fullPath, exception.Message));
        }
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
