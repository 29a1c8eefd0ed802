using System.Text;

namespace MesaSpec.Language.Formatting;

/// <summary>
/// The output as lines, so trailing comments can be aligned afterwards: consecutive lines at the same
/// indentation that each end in a comment have their comments lined up in one column (as gofmt does).
/// </summary>
internal sealed class FormattedLines
{
    private const string IndentUnit = "  ";
    private const int CommentGap = 2;

    private sealed record Line(int Indent, string Content, string? Trailing);

    private readonly List<Line?> _lines = [];

    public int Count => _lines.Count;

    /// <summary>Appends a line; <paramref name="content"/> may span several lines when written verbatim.</summary>
    public void Add(int indent, string content) => _lines.Add(new Line(indent, UnixLineEnds(content), null));

    /// <summary>The output ends lines with "\n" only: text kept verbatim (a commented node, a block comment) must not bring its "\r\n".</summary>
    public static string UnixLineEnds(string text) => text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;

    /// <summary>One empty line, never two in a row and never at the very start.</summary>
    public void AddBlank()
    {
        if (_lines.Count > 0 && _lines[^1] is not null)
        {
            _lines.Add(null);
        }
    }

    public void SetTrailing(string comment)
    {
        var last = _lines[^1]!;
        comment = UnixLineEnds(comment);
        _lines[^1] = last with { Trailing = last.Trailing is null ? comment : last.Trailing + " " + comment };
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < _lines.Count)
        {
            var run = AlignedRunLength(i);
            var column = run == 0 ? 0 : Enumerable.Range(i, run).Max(k => Width(_lines[k]!)) + CommentGap;
            for (var k = i; k < i + Math.Max(run, 1); k++)
            {
                Write(builder, _lines[k], column);
            }
            i += Math.Max(run, 1);
        }
        // Drop blank lines at the end: the file ends with exactly one line break.
        var text = builder.ToString().TrimEnd('\n');
        return text.Length == 0 ? "" : text + "\n";
    }

    /// <summary>How many lines from <paramref name="start"/> form a run whose trailing comments line up.</summary>
    private int AlignedRunLength(int start)
    {
        var first = _lines[start];
        if (!Alignable(first))
        {
            return 0;
        }
        var length = 1;
        while (start + length < _lines.Count && Alignable(_lines[start + length]) && _lines[start + length]!.Indent == first!.Indent)
        {
            length++;
        }
        return length;
    }

    private static bool Alignable(Line? line) => line is { Trailing: not null } && !line.Content.Contains('\n', StringComparison.Ordinal);

    private static int Width(Line line) => line.Indent * IndentUnit.Length + line.Content.Length;

    private static void Write(StringBuilder builder, Line? line, int column)
    {
        if (line is null)
        {
            builder.Append('\n');
            return;
        }
        for (var i = 0; i < line.Indent; i++)
        {
            builder.Append(IndentUnit);
        }
        builder.Append(line.Content);
        if (line.Trailing is not null)
        {
            var pad = column > 0 ? column - Width(line) : 1;
            builder.Append(' ', Math.Max(1, pad)).Append(line.Trailing);
        }
        builder.Append('\n');
    }
}
