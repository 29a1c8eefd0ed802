using MesaSpec.Language.Text;

namespace MesaSpec.LanguageServer.Features.Shared;

/// <summary>Identifier-shaped words in raw text, for positions the syntax tree has no node for (keywords).</summary>
public static class Words
{
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>The word touching <paramref name="offset"/>, or null.</summary>
    public static (string Text, TextSpan Span)? At(SourceText text, int offset)
    {
        var s = text.Text;
        var start = Math.Clamp(offset, 0, s.Length);
        var end = start;
        while (start > 0 && IsWordChar(s[start - 1]))
        {
            start--;
        }
        while (end < s.Length && IsWordChar(s[end]))
        {
            end++;
        }
        return end > start && !char.IsDigit(s[start]) ? (s[start..end], TextSpan.FromBounds(start, end)) : null;
    }

    /// <summary>The partial word ending at <paramref name="offset"/> (what the user is typing), possibly empty.</summary>
    public static TextSpan PrefixBefore(SourceText text, int offset)
    {
        var start = Math.Clamp(offset, 0, text.Length);
        while (start > 0 && IsWordChar(text[start - 1]))
        {
            start--;
        }
        return TextSpan.FromBounds(start, offset);
    }

    /// <summary>The previous word before <paramref name="offset"/> on the same line, skipping spaces.</summary>
    public static string? Previous(SourceText text, int offset)
    {
        var i = Math.Clamp(offset, 0, text.Length) - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }
        var end = i + 1;
        while (i >= 0 && IsWordChar(text[i]))
        {
            i--;
        }
        return end > i + 1 ? text.Text[(i + 1)..end] : null;
    }
}
