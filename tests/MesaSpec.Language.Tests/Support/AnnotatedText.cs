using MesaSpec.Language.Text;

namespace MesaSpec.Language.Tests.Support;

/// <summary>
/// Inline span markup for small tests (after Minsk's AnnotatedText): <c>[|text|]</c> marks a span and
/// is removed from the text; <c>$$</c> marks a position. Spans are listed in source order.
/// </summary>
internal sealed record AnnotatedText(string Text, IReadOnlyList<TextSpan> Spans, IReadOnlyList<int> Positions)
{
    public static AnnotatedText Parse(string markup)
    {
        var text = new System.Text.StringBuilder();
        var spans = new List<TextSpan>();
        var positions = new List<int>();
        var open = new Stack<int>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push(text.Length);
                i++;
            }
            else if (Starts(markup, i, "|]"))
            {
                if (open.Count == 0)
                {
                    throw new ArgumentException($"'|]' without '[|' at {i}");
                }
                spans.Add(TextSpan.FromBounds(open.Pop(), text.Length));
                i++;
            }
            else if (Starts(markup, i, "$$"))
            {
                positions.Add(text.Length);
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }
        if (open.Count > 0)
        {
            throw new ArgumentException("'[|' without '|]'");
        }
        return new AnnotatedText(text.ToString(), [.. spans.OrderBy(s => s.Start).ThenBy(s => s.Length)], positions);
    }

    private static bool Starts(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;
}
