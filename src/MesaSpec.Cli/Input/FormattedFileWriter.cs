using System.Security.Cryptography;
using System.Text;

namespace MesaSpec.Cli.Input;

/// <summary>
/// Writes <c>fmt</c>'s output over a spec without losing anything: the file keeps its line ending
/// (CRLF stays CRLF) and its UTF-8 byte order mark, and is replaced atomically (a temporary file
/// beside it, then a rename) only if it still holds exactly the bytes that were formatted; an edit
/// saved while fmt ran is never overwritten.
/// </summary>
internal static class FormattedFileWriter
{
    /// <summary>The formatter's output (LF line ends) in the original file's line-ending style.</summary>
    public static string InOriginalLineEnds(string formatted, string original) =>
        UsesCrLf(original) ? formatted.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) : formatted;

    /// <summary>Null when written; otherwise why the file was left alone.</summary>
    public static string? Replace(string path, string originalText, string newText)
    {
        var current = File.ReadAllBytes(path);
        var hasBom = current.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        var currentText = Encoding.UTF8.GetString(hasBom ? current.AsSpan(Encoding.UTF8.Preamble.Length) : current);
        if (currentText != originalText)
        {
            return "the file changed while it was being formatted; it was left as it is (run fmt again)";
        }
        var expectedHash = SHA256.HashData(current);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.fmt-{Environment.ProcessId}.tmp");
        try
        {
            var encoded = new UTF8Encoding(false).GetBytes(newText);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                if (hasBom)
                {
                    stream.Write(Encoding.UTF8.Preamble);
                }
                stream.Write(encoded);
                stream.Flush(flushToDisk: true);
            }
            // Last look just before the rename: the window for a lost edit is this one comparison.
            if (!SHA256.HashData(File.ReadAllBytes(path)).AsSpan().SequenceEqual(expectedHash))
            {
                return "the file changed while it was being formatted; it was left as it is (run fmt again)";
            }
            File.Move(temporary, path, overwrite: true);
            return null;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static bool UsesCrLf(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline > 0 && text[newline - 1] == '\r';
    }
}
