namespace MesaSpec.Language.Parsing;

/// <summary>
/// Pidgin tokens swallow the trivia after them, so a parser's consumed input ends with whitespace and
/// comments. Node spans must not (the formatter re-attaches those comments), so this measures the input
/// up to the end of its last real token, skipping strings correctly.
/// </summary>
internal static class TriviaLength
{
    public static int ContentLength(ReadOnlySpan<char> input)
    {
        var lastContent = 0;
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c == '"')
            {
                i++;
                while (i < input.Length && input[i] != '"' && input[i] != '\n')
                {
                    i += input[i] == '\\' && i + 1 < input.Length ? 2 : 1;
                }
                i = Math.Min(i + 1, input.Length);
                lastContent = i;
            }
            else if (c == '/' && i + 1 < input.Length && input[i + 1] == '/')
            {
                while (i < input.Length && input[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < input.Length && input[i + 1] == '*')
            {
                var close = input[(i + 2)..].IndexOf("*/");
                i = close < 0 ? input.Length : i + 2 + close + 2;
            }
            else
            {
                i++;
                if (!char.IsWhiteSpace(c))
                {
                    lastContent = i;
                }
            }
        }
        return lastContent;
    }
}
