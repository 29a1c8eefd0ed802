using Pidgin;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// Skips text after a parse error so that parsing can resume: either the rest of a member's line
/// (brackets balanced, stopping before a closing brace that ends the body), or everything up to the
/// next line that starts a top-level declaration. Always succeeds and returns the offset where it
/// stopped; it consumes at least one character unless it is already at a stopping point, so the
/// parser's loops always make progress.
/// </summary>
internal sealed class RecoverySkip : Parser<char, RecoverySkip.Skipped>
{
    private readonly bool _toNextDeclaration;

    private RecoverySkip(bool toNextDeclaration) => _toNextDeclaration = toNextDeclaration;

    public static readonly RecoverySkip RestOfMember = new(toNextDeclaration: false);

    public static readonly RecoverySkip ToNextDeclaration = new(toNextDeclaration: true);

    /// <summary>The token where parsing failed (its text, for the message) and where skipping stopped.</summary>
    public readonly record struct Skipped(int ErrorStart, string Token, int End);

    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Skipped result)
    {
        var start = (int)state.Location;
        var token = TokenAt(ref state);
        var end = _toNextDeclaration ? SkipToNextDeclaration(ref state) : SkipRestOfMember(ref state);
        result = new Skipped(start, token, end);
        return true;
    }

    /// <summary>The word, number or single character at the error, for "found 'frobnicate'".</summary>
    private static string TokenAt(ref ParseState<char> state)
    {
        var ahead = state.LookAhead(64);
        if (ahead.IsEmpty)
        {
            return "";
        }
        var length = 1;
        if (char.IsLetterOrDigit(ahead[0]) || ahead[0] == '_')
        {
            while (length < ahead.Length && (char.IsLetterOrDigit(ahead[length]) || ahead[length] is '_' or '.'))
            {
                length++;
            }
        }
        return ahead[..length].ToString();
    }

    /// <summary>Returns the end of the skipped text, not counting the line break it consumed.</summary>
    private static int SkipRestOfMember(ref ParseState<char> state)
    {
        var depth = 0;
        while (state.HasCurrent)
        {
            var c = state.Current;
            if (depth == 0 && c == '}')
            {
                return (int)state.Location;
            }
            state.Advance();
            switch (c)
            {
                case '\n' when depth == 0:
                    return (int)state.Location - 1;
                case '{' or '(' or '[':
                    depth++;
                    break;
                case '}' or ')' or ']':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
        return (int)state.Location;
    }

    private static int SkipToNextDeclaration(ref ParseState<char> state)
    {
        var atLineStart = false;
        var first = true;
        while (state.HasCurrent)
        {
            var c = state.Current;
            if (atLineStart && !first && Tokens.StartsDeclaration(ref state))
            {
                return (int)state.Location;
            }
            if (c == '\n')
            {
                atLineStart = true;
            }
            else if (c is not (' ' or '\t' or '\r'))
            {
                atLineStart = false;
            }
            state.Advance();
            first = false;
        }
        return (int)state.Location;
    }
}
