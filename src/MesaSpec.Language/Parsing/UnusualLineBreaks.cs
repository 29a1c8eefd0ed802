using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// Characters that editors may draw as a line break but the grammar does not take as one (it ends lines at
/// <c>\n</c>, with an optional <c>\r</c> before it): U+2028, U+2029, U+0085 and a carriage return without a line
/// feed. After a <c>//</c> they would turn everything that looks like the following lines into one comment, so
/// each is an error (MS1008) with a fix, reported up to <see cref="MaxReported"/> times.
/// </summary>
internal static class UnusualLineBreaks
{
    public const int MaxReported = 20;

    private static readonly System.Buffers.SearchValues<char> Candidates = System.Buffers.SearchValues.Create("\u2028\u2029\u0085\r");

    public static IEnumerable<Diagnostic> Find(string text)
    {
        var reported = 0;
        for (var i = text.AsSpan().IndexOfAny(Candidates); i >= 0 && i < text.Length && reported < MaxReported; i++)
        {
            var name = text[i] switch
            {
                '\u2028' => "U+2028 (line separator)",
                '\u2029' => "U+2029 (paragraph separator)",
                '\u0085' => "U+0085 (next line)",
                '\r' when i + 1 >= text.Length || text[i + 1] != '\n' => "a carriage return without a line feed",
                _ => null,
            };
            if (name is not null)
            {
                reported++;
                yield return DiagnosticCatalog.UnusualLineBreak(new TextSpan(i, 1), name);
            }
            var next = text.AsSpan(i + 1).IndexOfAny(Candidates);
            if (next < 0)
            {
                yield break;
            }
            i += next;
        }
    }
}
