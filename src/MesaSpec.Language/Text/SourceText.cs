namespace MesaSpec.Language.Text;

/// <summary>A 1-based line and column, as compilers print them.</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// Immutable document text with a path and a line index. Offsets are UTF-16 code units
/// (what LSP calls "utf-16" positions), so conversions to LSP positions need no re-encoding.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text, string path = "")
    {
        Text = text;
        Path = path;
        _lineStarts = ComputeLineStarts(text);
    }

    public string Text { get; }

    /// <summary>File path or URI the text came from; empty for in-memory text.</summary>
    public string Path { get; }

    public int Length => Text.Length;

    public int LineCount => _lineStarts.Length;

    public char this[int index] => Text[index];

    /// <summary>0-based line index containing <paramref name="offset"/>.</summary>
    public int GetLineIndex(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, Math.Clamp(offset, 0, Text.Length));
        return index >= 0 ? index : ~index - 1;
    }

    public int GetLineStart(int lineIndex) => _lineStarts[lineIndex];

    /// <summary>End of the line's content, excluding the line break.</summary>
    public int GetLineEnd(int lineIndex)
    {
        var end = lineIndex + 1 < _lineStarts.Length ? _lineStarts[lineIndex + 1] - 1 : Text.Length;
        if (end > _lineStarts[lineIndex] && end - 1 < Text.Length && end > 0 && Text[end - 1] == '\r')
        {
            end--;
        }
        return Math.Max(end, _lineStarts[lineIndex]);
    }

    public string GetLineText(int lineIndex) => Text[GetLineStart(lineIndex)..GetLineEnd(lineIndex)];

    /// <summary>1-based line and column of an offset.</summary>
    public LinePosition GetPosition(int offset)
    {
        var line = GetLineIndex(offset);
        return new LinePosition(line + 1, Math.Clamp(offset, 0, Text.Length) - _lineStarts[line] + 1);
    }

    /// <summary>Offset of a 0-based line and character, clamped into the text.</summary>
    public int GetOffset(int lineIndex, int character)
    {
        if (lineIndex >= _lineStarts.Length)
        {
            return Text.Length;
        }
        var start = _lineStarts[Math.Max(0, lineIndex)];
        return Math.Min(start + Math.Max(0, character), GetLineEnd(Math.Max(0, lineIndex)));
    }

    public string ToString(TextSpan span) => Text.Substring(span.Start, Math.Min(span.Length, Text.Length - span.Start));

    public override string ToString() => Text;

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }
}
