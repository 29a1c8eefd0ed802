using System.Globalization;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// Tokens as Pidgin parsers. Layout rule: a member ends at the end of its line, so tokens skip only
/// *inline* trivia (spaces, tabs, comments); inside brackets the grammar skips <see cref="FullTrivia"/>
/// explicitly, which is what lets a list or an argument list span lines.
/// </summary>
internal static class Lexical
{
    /// <summary>Spaces, tabs and comments, not line breaks (an unclosed block comment runs to the end; the scanner reports it, MS1003).</summary>
    public static readonly Parser<char, Unit> InlineTrivia = new Tokens.Trivia(crossLines: false);

    /// <summary>Spaces, tabs, comments and line breaks.</summary>
    public static readonly Parser<char, Unit> FullTrivia = new Tokens.Trivia(crossLines: true);

    public static readonly Parser<char, IdentifierSyntax> Identifier = new Tokens.Identifier();

    /// <summary>A whole word (not the prefix of a longer identifier), returning its span.</summary>
    public static Parser<char, TextSpan> Keyword(string word) => new Tokens.Keyword(word);

    /// <summary>A punctuation token followed by inline trivia.</summary>
    public static Parser<char, TextSpan> Symbol(char c) => new Tokens.Punctuation(c, crossLines: false);

    /// <summary>An opening bracket: anything, even a line break, may follow.</summary>
    public static Parser<char, int> Open(char c) => new Tokens.Punctuation(c, crossLines: true).Select(span => span.Start);

    /// <summary>A closing bracket; returns the offset just past it.</summary>
    public static Parser<char, int> Close(char c) => new Tokens.Punctuation(c, crossLines: false).Select(span => span.End);

    public static readonly Parser<char, Unit> Comma = new Tokens.Punctuation(',', crossLines: true).IgnoreResult();

    // ASCII digits only (Pidgin's Digit takes any Unicode decimal digit, '᪖', which no number parser reads); an
    // underscore only between two digits: '1_000' but not '1_000_' or '1__0'.
    public static readonly Parser<char, NumberLiteralSyntax> Number = new NumberToken().Before(InlineTrivia).Label("a number");

    private static readonly Parser<char, char> EscapedChar =
        Char('\\').Then(OneOf(Char('"'), Char('\\'), Char('n').ThenReturn('\n'), Char('t').ThenReturn('\t')));

    public static readonly Parser<char, StringLiteralSyntax> StringLiteral =
        Map((start, value, end) => new StringLiteralSyntax(value, TextSpan.FromBounds(start, end)),
                CurrentOffset,
                // An unclosed string ends at the line break: the scanner reports it (MS1004), and the parse goes on as if it were closed.
                Char('"').Then(EscapedChar.Or(AnyCharExcept('"', '\\', '\n')).ManyString()).Before(OneOf(Char('"').IgnoreResult(), Lookahead(Char('\n')).IgnoreResult(), End)),
                CurrentOffset)
            .Before(InlineTrivia)
            .Label("a string");

    /// <summary>A member ends at a line break, a ';', or before the body's closing brace.</summary>
    public static readonly Parser<char, Unit> EndOfMember =
        OneOf(Char('\n').IgnoreResult(), Char(';').IgnoreResult(), Lookahead(Char('}')).IgnoreResult(), End).Label("the end of the line");

    /// <summary>The value of a number token: <c>_</c> separators dropped, <c>k</c> = 1e3, <c>M</c> = 1e6.</summary>
    internal static double NumberValue(string text)
    {
        var multiplier = 1.0;
        if (text.EndsWith('k'))
        {
            multiplier = 1e3;
        }
        else if (text.EndsWith('M'))
        {
            multiplier = 1e6;
        }
        var digits = text.Replace("_", "", StringComparison.Ordinal).TrimEnd('k', 'M');
        return double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture) * multiplier;
    }
}

internal static class SpannedExtensions
{
    /// <summary>Builds a node from a parser's value and the span of its text, trailing trivia excluded.</summary>
    public static Parser<char, TResult> Spanned<T, TResult>(Parser<char, T> parser, Func<T, TextSpan, TResult> make) =>
        Map((start, pair) => make(pair.Value, new TextSpan(start, pair.Length)),
            CurrentOffset,
            parser.MapWithInput((input, value) => (Value: value, Length: TriviaLength.ContentLength(input))));
}
