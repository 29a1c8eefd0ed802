using System.Text;
using MesaSpec.Cli.Commands;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Text;

namespace MesaSpec.Cli.Output;

/// <summary>
/// Writes diagnostics the way compilers do: <c>path:line:col: error MS2001: message</c>, the source
/// line with the span underlined, and the suggested fix.
/// </summary>
public sealed class TextDiagnosticWriter(CommandContext context)
{
    /// <summary>Lines longer than this are shown as a window around the span.</summary>
    private const int MaxShownLine = 160;
    private const int TabWidth = 4;

    public void Write(ReportedDiagnostic reported)
    {
        var (diagnostic, source) = reported;
        var output = context.Out;
        var location = context.Display(diagnostic.Path);
        if (source is not null)
        {
            location += ":" + source.GetPosition(diagnostic.Span.Start);
        }
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        output.WriteLine($"{(location.Length > 0 ? location + ": " : "")}{Colour(severity, SeverityColour(diagnostic.Severity))} {diagnostic.Code}: {PrintableText.OneLine(diagnostic.Message)}");
        if (source is not null)
        {
            WriteSnippet(source, diagnostic.Span);
        }
        if (diagnostic.Fix is { } fix)
        {
            output.WriteLine($"   = {Colour("fix", "36")}: {fix.Title}");
        }
    }

    public void WriteSummary(int files, int errors, int warnings, int infos)
    {
        var parts = new List<string> { Count(errors, "error"), Count(warnings, "warning") };
        if (infos > 0)
        {
            parts.Add(Count(infos, "info"));
        }
        context.Out.WriteLine($"checked {Count(files, "file")}: {string.Join(", ", parts)}");
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private void WriteSnippet(SourceText source, TextSpan span)
    {
        var lineIndex = source.GetLineIndex(span.Start);
        var lineStart = source.GetLineStart(lineIndex);
        var lineEnd = source.GetLineEnd(lineIndex);
        var line = source.Text.AsSpan(lineStart, lineEnd - lineStart);
        var column = Math.Clamp(span.Start - lineStart, 0, line.Length);
        var length = Math.Max(1, Math.Min(span.End, lineEnd) - span.Start);

        // A window around very long lines, so a minified or generated file stays readable.
        var windowStart = line.Length > MaxShownLine ? Math.Max(0, column - MaxShownLine / 2) : 0;
        var windowEnd = Math.Min(line.Length, windowStart + MaxShownLine);
        var shown = Expand(line[windowStart..windowEnd], out var expandedColumns);
        var caretColumn = ExpandedColumn(line[windowStart..windowEnd], column - windowStart, expandedColumns);
        var caretEnd = ExpandedColumn(line[windowStart..windowEnd], Math.Min(column - windowStart + length, windowEnd - windowStart), expandedColumns);

        var number = (lineIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        context.Out.WriteLine($"{gutter} |");
        context.Out.WriteLine($"{number} | {(windowStart > 0 ? "..." : "")}{shown}{(windowEnd < line.Length ? "..." : "")}");
        var carets = new string('^', Math.Max(1, caretEnd - caretColumn));
        context.Out.WriteLine($"{gutter} | {(windowStart > 0 ? "   " : "")}{new string(' ', caretColumn)}{Colour(carets, "31")}");
    }

    /// <summary>Tabs become spaces and control characters become '?', so the carets line up under the text.</summary>
    private static string Expand(ReadOnlySpan<char> text, out int[] columns)
    {
        columns = new int[text.Length + 1];
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            columns[i] = builder.Length;
            var c = text[i];
            if (c == '\t')
            {
                builder.Append(' ', TabWidth - builder.Length % TabWidth);
            }
            else
            {
                builder.Append(char.IsControl(c) ? '?' : c);
            }
        }
        columns[text.Length] = builder.Length;
        return builder.ToString();
    }

    private static int ExpandedColumn(ReadOnlySpan<char> text, int index, int[] columns) => columns[Math.Clamp(index, 0, text.Length)];

    private static string SeverityColour(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "1;31",
        DiagnosticSeverity.Warning => "1;33",
        _ => "1;34",
    };

    private string Colour(string text, string code) => context.UseColor ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
