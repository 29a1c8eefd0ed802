using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using Pidgin;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// The hottest tokens written as hand-rolled Pidgin parsers: trivia, names and keywords are entered at
/// almost every character, and as combinators (a parser call per character, an expected-list per label)
/// they were most of the parse time. Behaviour is exactly that of the combinators they replace.
/// </summary>
internal static class Tokens
{
    public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>
    /// Skips spaces, tabs, carriage returns, <c>// line</c> and <c>/* block */</c> comments (an unclosed block
    /// comment runs to the end; the scanner reports it), and line breaks too when <paramref name="crossLines"/>.
    /// Always succeeds.
    /// </summary>
    public sealed class Trivia(bool crossLines) : Parser<char, Unit>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Unit result)
        {
            result = Unit.Value;
            while (state.HasCurrent)
            {
                var c = state.Current;
                if (c is ' ' or '\t' or '\r' || (crossLines && c == '\n'))
                {
                    state.Advance();
                    continue;
                }
                if (c != '/')
                {
                    break;
                }
                var ahead = state.LookAhead(2);
                if (ahead.Length < 2 || ahead[1] is not ('/' or '*'))
                {
                    break;
                }
                if (ahead[1] == '/')
                {
                    while (state.HasCurrent && state.Current != '\n')
                    {
                        state.Advance();
                    }
                    continue;
                }
                state.Advance(2);
                while (state.HasCurrent)
                {
                    if (state.Current == '*' && state.LookAhead(2) is [_, '/'])
                    {
                        state.Advance(2);
                        break;
                    }
                    state.Advance();
                }
            }
            return true;
        }
    }

    /// <summary>A letter or '_', then letters, digits and '_'. Fails without consuming, expecting "a name".</summary>
    public sealed class Identifier : Parser<char, IdentifierSyntax>
    {
        private static readonly Expected<char> Label = new("a name");

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out IdentifierSyntax result)
        {
            if (!state.HasCurrent || !IsIdentifierStart(state.Current))
            {
                Fail(ref state, ref expecteds, Label);
                result = null!;
                return false;
            }
            var start = (int)state.Location;
            var length = 1;
            var ahead = state.LookAhead(64);
            while (true)
            {
                while (length < ahead.Length && IsIdentifierPart(ahead[length]))
                {
                    length++;
                }
                if (length < ahead.Length)
                {
                    break;
                }
                // A name longer than the window: look further.
                var more = state.LookAhead(ahead.Length * 2);
                if (more.Length == ahead.Length)
                {
                    break;
                }
                ahead = more;
            }
            result = new IdentifierSyntax(new string(ahead[..length]), new TextSpan(start, length));
            state.Advance(length);
            return true;
        }
    }

    /// <summary>A whole word (not the prefix of a longer name); returns its span. Fails without consuming, expecting <c>'word'</c>.</summary>
    public sealed class Keyword(string word) : Parser<char, TextSpan>
    {
        private readonly Expected<char> _label = new($"'{word}'");

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out TextSpan result)
        {
            var ahead = state.LookAhead(word.Length + 1);
            if (ahead.StartsWith(word) && (ahead.Length == word.Length || !IsIdentifierPart(ahead[word.Length])))
            {
                result = new TextSpan((int)state.Location, word.Length);
                state.Advance(word.Length);
                return true;
            }
            Fail(ref state, ref expecteds, _label);
            result = default;
            return false;
        }
    }

    private static void Fail(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, Expected<char> label)
    {
        state.SetError(state.HasCurrent ? Maybe.Just(state.Current) : Maybe.Nothing<char>(), !state.HasCurrent, state.Location, null);
        expecteds.Add(label);
    }
}

internal static class LabelExtensions
{
    /// <summary>
    /// Pidgin's <c>Labelled</c>, without its cost: instead of renting a fresh expected-list for the inner
    /// parser on every call, the inner parser writes into the caller's list and its entries are dropped
    /// afterwards. The outcome is identical: on failure the caller sees only <paramref name="label"/>.
    /// </summary>
    public static Parser<char, T> Label<T>(this Parser<char, T> parser, string label) => new LabelParser<T>(parser, new Expected<char>(label));

    private sealed class LabelParser<T>(Parser<char, T> inner, Expected<char> label) : Parser<char, T>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result)
        {
            var mark = expecteds.Count;
            var success = inner.TryParse(ref state, ref expecteds, out result!);
            while (expecteds.Count > mark)
            {
                expecteds.Pop();
            }
            if (!success)
            {
                expecteds.Add(label);
            }
            return success;
        }
    }
}
