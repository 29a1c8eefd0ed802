using Pidgin;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// <c>OneOf</c> for alternatives that tell themselves apart by their first word or first character. Pidgin's
/// <c>OneOf</c> enters each alternative in turn, and each that does not apply re-reads the word, records an error
/// and an expected-label before failing; a declaration member is usually the fifth or tenth alternative tried.
/// These look once and enter the alternative that can apply. The outcome is exactly <c>OneOf</c>'s: when the
/// chosen alternative succeeds, or fails after consuming input, <c>OneOf</c> would have done the same (every
/// alternative before it fails without consuming on that word or character, as each must promise); in every
/// other case (no alternative is chosen, or the chosen one fails without consuming) the plain <c>OneOf</c> runs,
/// so errors and their expected-lists are <c>OneOf</c>'s own.
/// </summary>
internal static class Choice
{
    /// <summary>
    /// Alternatives that each start with a keyword (<see cref="Lexical.Keyword"/>): when the next word is not an
    /// alternative's keyword, that alternative fails without consuming. An alternative may be listed under several
    /// words (<c>colour</c>, <c>color</c>) and a word may start several alternatives (tried in order). A word listed
    /// against the wrong alternative costs time, not correctness: that alternative fails without consuming, and the
    /// plain <c>OneOf</c> runs.
    /// </summary>
    public static Parser<char, T> ByKeyword<T>(params (string Keyword, Parser<char, T> Parser)[] alternatives)
    {
        var all = Parser.OneOf(alternatives.Select(a => a.Parser).Distinct());
        var byWord = alternatives
            .GroupBy(a => a.Keyword, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First().Parser : Parser.OneOf(g.Select(a => a.Parser)), StringComparer.Ordinal);
        return new KeywordChoice<T>(byWord, all);
    }

    /// <summary>
    /// Alternatives told apart by their first character: for a character <c>starts</c> refuses, the alternative
    /// fails without consuming. The first alternative whose <c>starts</c> accepts the character is entered.
    /// </summary>
    public static Parser<char, T> ByFirstChar<T>(params (Func<char, bool> Starts, Parser<char, T> Parser)[] alternatives) =>
        new FirstCharChoice<T>(alternatives, Parser.OneOf(alternatives.Select(a => a.Parser)));

    /// <summary>Runs <paramref name="chosen"/>; if it fails without consuming, forgets what it expected and runs <paramref name="all"/>.</summary>
    private static bool TryChosen<T>(Parser<char, T> chosen, Parser<char, T> all, ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result)
    {
        var start = state.Location;
        var mark = expecteds.Count;
        if (chosen.TryParse(ref state, ref expecteds, out result!))
        {
            return true;
        }
        if (state.Location != start)
        {
            return false;
        }
        while (expecteds.Count > mark)
        {
            expecteds.Pop();
        }
        return all.TryParse(ref state, ref expecteds, out result!);
    }

    private sealed class KeywordChoice<T>(Dictionary<string, Parser<char, T>> byWord, Parser<char, T> all) : Parser<char, T>
    {
        private readonly Dictionary<string, Parser<char, T>>.AlternateLookup<ReadOnlySpan<char>> _lookup = byWord.GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly int _longest = byWord.Keys.Max(k => k.Length);

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result) =>
            _lookup.TryGetValue(Tokens.PeekWord(ref state, _longest), out var chosen)
                ? TryChosen(chosen, all, ref state, ref expecteds, out result)
                : all.TryParse(ref state, ref expecteds, out result!);
    }

    private sealed class FirstCharChoice<T>((Func<char, bool> Starts, Parser<char, T> Parser)[] alternatives, Parser<char, T> all) : Parser<char, T>
    {
        // The first alternative that may start with each ASCII character (-1: none), so the common case asks no predicate.
        private readonly sbyte[] _ascii = Enumerable.Range(0, 128)
            .Select(c => (sbyte)Array.FindIndex(alternatives, a => a.Starts((char)c)))
            .ToArray();

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result)
        {
            var index = !state.HasCurrent ? -1 : state.Current < 128 ? _ascii[state.Current] : FirstStarting(state.Current);
            return index >= 0
                ? TryChosen(alternatives[index].Parser, all, ref state, ref expecteds, out result)
                : all.TryParse(ref state, ref expecteds, out result!);
        }

        // Apart from the ASCII fast path: a lambda over the character allocates its closure on entry to the scope.
        private int FirstStarting(char c) => Array.FindIndex(alternatives, a => a.Starts(c));
    }
}
