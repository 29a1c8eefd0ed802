namespace MesaSpec.Language.Text;

/// <summary>A range of characters: offset + length. Line/column are derived on demand from <see cref="SourceText"/>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <summary>Like <see cref="Contains"/> but also true at the end position (a cursor right after a word).</summary>
    public bool Touches(int offset) => offset >= Start && offset <= End;

    public bool OverlapsWith(TextSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start}..{End})";
}
