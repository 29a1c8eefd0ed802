using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using Pidgin;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// A number literal, hand-rolled: <c>[+-]? digits ('.' digits)? ([eE] [+-]? digits)? ([kM] not before a name character)?</c>,
/// where digits are ASCII digits with single underscores between them (<c>1_000</c>). It was a chain of a dozen
/// combinators with backtracking, entered for every value. It consumes and fails exactly as that chain did: an
/// optional part that does not complete is given back; the only failure is a missing first digit, after the sign if
/// there is one, with the error there (the caller labels it).
/// </summary>
internal sealed class NumberToken : Parser<char, NumberLiteralSyntax>
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out NumberLiteralSyntax result)
    {
        var start = (int)state.Location;
        // Numbers are short; a literal longer than the window is read in full from a wider one.
        var window = 64;
        while (true)
        {
            var ahead = state.LookAhead(window);
            var length = Scan(ahead, out var failedAt);
            if (length < 0)
            {
                // Consumes the sign, as the combinators did, and fails at the missing digit.
                state.Advance(failedAt);
                state.SetError(state.HasCurrent ? Maybe.Just(state.Current) : Maybe.Nothing<char>(), !state.HasCurrent, state.Location, null);
                expecteds.Add(Digit);
                result = null!;
                return false;
            }
            // Every decision looks at most three characters past the number: within the window, they were seen.
            if (length + 3 < ahead.Length || ahead.Length < window)
            {
                var text = new string(ahead[..length]);
                state.Advance(length);
                result = new NumberLiteralSyntax(text, Lexical.NumberValue(text), new TextSpan(start, length));
                return true;
            }
            window *= 2;
        }
    }

    private static readonly Expected<char> Digit = new("digit");

    /// <summary>The length of the number at the start of <paramref name="text"/>, or -1 with where the first digit was missing.</summary>
    private static int Scan(ReadOnlySpan<char> text, out int failedAt)
    {
        var i = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        failedAt = i;
        if (!IsDigitAt(text, i))
        {
            return -1;
        }
        i = Digits(text, i);
        if (i < text.Length && text[i] == '.' && IsDigitAt(text, i + 1))
        {
            i = Digits(text, i + 1);
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1 < text.Length && text[i + 1] is '+' or '-' ? i + 2 : i + 1;
            if (IsDigitAt(text, j))
            {
                i = Digits(text, j);
            }
        }
        if (i < text.Length && text[i] is 'k' or 'M' && !(i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_')))
        {
            i++;
        }
        return i;
    }

    /// <summary>Past the digits starting at <paramref name="i"/> (a digit): more digits, or '_' each time a digit follows it.</summary>
    private static int Digits(ReadOnlySpan<char> text, int i)
    {
        i++;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '_' && IsDigitAt(text, i + 1))))
        {
            i += text[i] == '_' ? 2 : 1;
        }
        return i;
    }

    private static bool IsDigitAt(ReadOnlySpan<char> text, int i) => i < text.Length && char.IsAsciiDigit(text[i]);
}
