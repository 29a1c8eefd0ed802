using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using MesaSpec.Language.Vocabulary;
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

    /// <summary>
    /// A letter or '_', then letters, digits and '_', then inline trivia (in this parser rather than a <c>Before</c>
    /// around it: names and keywords are the most frequent tokens). Fails without consuming, expecting "a name".
    /// </summary>
    public sealed class Identifier : Parser<char, IdentifierSyntax>
    {
        private static readonly Expected<char> Label = new("a name");

        private static readonly Trivia InlineTrivia = new(crossLines: false);

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
            InlineTrivia.TryParse(ref state, ref expecteds, out _);
            return true;
        }
    }

    /// <summary>
    /// The word at the current position, without consuming it: the run of name characters there, or empty when it
    /// is longer than <paramref name="longest"/> (no keyword of interest is that long) or there is none.
    /// A keyword parser for <c>w</c> succeeds exactly when this is <c>w</c>.
    /// </summary>
    public static ReadOnlySpan<char> PeekWord(ref ParseState<char> state, int longest)
    {
        var ahead = state.LookAhead(longest + 1);
        var length = 0;
        while (length < ahead.Length && IsIdentifierPart(ahead[length]))
        {
            length++;
        }
        return length <= longest ? ahead[..length] : [];
    }

    /// <summary>
    /// One punctuation character, then trivia (inline, or across lines too); returns the character's span. Fails
    /// without consuming, expecting <c>'c'</c>: exactly <c>Char(c)</c> then trivia, labelled, in one parser instead of
    /// five (brackets, commas and colons are entered on every argument and list item).
    /// </summary>
    public sealed class Punctuation(char c, bool crossLines) : Parser<char, TextSpan>
    {
        private readonly Expected<char> _label = new($"'{c}'");

        private readonly Trivia _trivia = new(crossLines);

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out TextSpan result)
        {
            if (!state.HasCurrent || state.Current != c)
            {
                Fail(ref state, ref expecteds, _label);
                result = default;
                return false;
            }
            result = new TextSpan((int)state.Location, 1);
            state.Advance();
            _trivia.TryParse(ref state, ref expecteds, out _);
            return true;
        }
    }

    /// <summary>Whether a declaration word (<see cref="DeclarationWords"/>) is next, as a whole word.</summary>
    public static bool StartsDeclaration(ref ParseState<char> state)
    {
        var word = PeekWord(ref state, DeclarationWords.Longest);
        foreach (var keyword in DeclarationWords.Words)
        {
            if (word.SequenceEqual(keyword))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Succeeds without consuming when the next word is one of <paramref name="words"/>; otherwise fails as
    /// <c>Lookahead(OneOf(Keyword(w1), Keyword(w2), ...))</c> does, expecting each word.
    /// </summary>
    public sealed class AnyKeyword(string[] words) : Parser<char, Unit>
    {
        private readonly int _longest = words.Max(w => w.Length);

        private readonly Expected<char>[] _labels = [.. words.Select(w => new Expected<char>($"'{w}'"))];

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Unit result)
        {
            result = Unit.Value;
            var word = PeekWord(ref state, _longest);
            foreach (var w in words)
            {
                if (word.SequenceEqual(w))
                {
                    return true;
                }
            }
            state.SetError(state.HasCurrent ? Maybe.Just(state.Current) : Maybe.Nothing<char>(), !state.HasCurrent, state.Location, null);
            foreach (var label in _labels)
            {
                expecteds.Add(label);
            }
            return false;
        }
    }

    /// <summary>
    /// Whether a body's member loop goes on: exactly <c>Not(Lookahead(OneOf(Char('}'), End, declaration keyword)))</c>,
    /// the check made before every member, without its three nested parsers, two rented lists and five keyword tries.
    /// Its error is the one that leaves (Pidgin's <c>Not</c> on success; the failed <c>Char('}')</c> otherwise).
    /// </summary>
    public sealed class BodyContinues : Parser<char, Unit>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Unit result)
        {
            result = Unit.Value;
            var goesOn = state.HasCurrent && state.Current != '}' && !StartsDeclaration(ref state);
            state.SetError(state.HasCurrent ? Maybe.Just(state.Current) : Maybe.Nothing<char>(), false, state.Location, null);
            return goesOn;
        }
    }

    /// <summary>A whole word (not the prefix of a longer name), then inline trivia; returns the word's span. Fails without consuming, expecting <c>'word'</c>.</summary>
    public sealed class Keyword(string word) : Parser<char, TextSpan>
    {
        private static readonly Trivia InlineTrivia = new(crossLines: false);

        private readonly Expected<char> _label = new($"'{word}'");

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out TextSpan result)
        {
            var ahead = state.LookAhead(word.Length + 1);
            if (ahead.StartsWith(word) && (ahead.Length == word.Length || !IsIdentifierPart(ahead[word.Length])))
            {
                result = new TextSpan((int)state.Location, word.Length);
                state.Advance(word.Length);
                InlineTrivia.TryParse(ref state, ref expecteds, out _);
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
