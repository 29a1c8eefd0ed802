using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Parsing;

/// <summary>A comment as written, with its span; the formatter re-emits these.</summary>
public sealed record Comment(TextSpan Span, string Text, bool IsBlock);

/// <summary>
/// One linear pass over the raw text, before parsing: collects comments (the parser skips them),
/// reports unterminated comments and strings with precise spans, and measures bracket nesting so
/// that pathological input (10,000 nested brackets) is refused before a recursive parser sees it.
/// </summary>
internal static class TriviaScanner
{
    public const int MaxNesting = 64;

    public sealed record Result(IReadOnlyList<Comment> Comments, IReadOnlyList<Diagnostic> Diagnostics, int TooDeepAt);

    public static Result Scan(string text)
    {
        var comments = new List<Comment>();
        var diagnostics = new List<Diagnostic>();
        var depth = 0;
        var tooDeepAt = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length : end;
                if (end > i && text[end - 1] == '\r')
                {
                    end--;
                }
                comments.Add(new Comment(TextSpan.FromBounds(i, end), text[i..end], false));
                i = end;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var end = close < 0 ? text.Length : close + 2;
                if (close < 0)
                {
                    diagnostics.Add(DiagnosticCatalog.UnterminatedComment(new TextSpan(i, 2)));
                }
                comments.Add(new Comment(TextSpan.FromBounds(i, end), text[i..end], true));
                i = end;
            }
            else if (c == '"')
            {
                var start = i++;
                while (i < text.Length && text[i] != '"' && text[i] != '\n')
                {
                    i += text[i] == '\\' && i + 1 < text.Length && text[i + 1] != '\n' ? 2 : 1;
                }
                if (i >= text.Length || text[i] == '\n')
                {
                    diagnostics.Add(DiagnosticCatalog.UnterminatedString(TextSpan.FromBounds(start, i)));
                }
                else
                {
                    i++;
                }
            }
            else
            {
                if (c is '(' or '[' or '{')
                {
                    depth++;
                    if (depth > MaxNesting && tooDeepAt < 0)
                    {
                        tooDeepAt = i;
                    }
                }
                else if (c is ')' or ']' or '}')
                {
                    depth = Math.Max(0, depth - 1);
                }
                i++;
            }
        }
        return new Result(comments, diagnostics, tooDeepAt);
    }
}
