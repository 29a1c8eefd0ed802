using System.Text;

namespace MesaSpec.Reporting;

/// <summary>
/// Text from a spec (names, sweep values, paths, expectation lines) put into report.md: it must read as itself,
/// never as markup. Markdown renderers pass raw HTML through, so <c>&lt;script&gt;</c> in a sweep value would run
/// in a viewer that renders report.md.
/// </summary>
public static class MarkdownText
{
    /// <summary>
    /// Inline text, safe in a paragraph and in a table cell: HTML's &lt; &gt; &amp; as entities; Markdown's
    /// punctuation (\ ` * _ [ ] | # ! ~) with a backslash (an underscore inside a word is left alone: it never
    /// emphasises there); line breaks as spaces.
    /// </summary>
    public static string Inline(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<': result.Append("&lt;"); break;
                case '>': result.Append("&gt;"); break;
                case '&': result.Append("&amp;"); break;
                case '\r' or '\n' or '\u2028' or '\u2029': result.Append(' '); break;
                case '_' when i > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]):
                    result.Append(c);
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '~':
                    result.Append('\\').Append(c);
                    break;
                default: result.Append(c); break;
            }
        }
        return result.ToString();
    }

    /// <summary>
    /// A code span showing the text exactly: fenced by more backticks than any run inside it (HTML is not
    /// interpreted in a code span); line breaks as spaces; a pipe as <c>\|</c> so a table cell is not split.
    /// </summary>
    public static string Code(string text)
    {
        var flat = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ')
            .Replace("|", "\\|", StringComparison.Ordinal);
        var longest = 0;
        for (int i = 0, run = 0; i < flat.Length; i++)
        {
            run = flat[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = flat.StartsWith('`') || flat.EndsWith('`') ? " " : "";
        return $"{fence}{pad}{flat}{pad}{fence}";
    }
}
