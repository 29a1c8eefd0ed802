using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using MesaSpec.Language.Vocabulary;
using Pidgin;
using static MesaSpec.Language.Parsing.ExpressionParsers;
using static MesaSpec.Language.Parsing.Lexical;
using static MesaSpec.Language.Parsing.SpannedExtensions;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace MesaSpec.Language.Parsing;

/// <summary>Declarations, imports and the whole file, with error recovery at member and declaration level.</summary>
internal static class DeclarationParsers
{
    private static readonly Parser<char, TypeSyntax> Type = OneOf(
        Spanned(Symbol('[').Then(Identifier).Before(Symbol(']')), (name, span) => new TypeSyntax(name.Text, true, span)),
        Identifier.Select(name => new TypeSyntax(name.Text, false, name.Span))).Label("a type (int, float, bool, string, [int])");

    private static readonly Parser<char, ParameterSyntax> Parameter =
        Identifier.Before(Symbol(':')).Then(Type, (name, type) => (name, type))
            .Then(Symbol('=').Then(Expression).Optional(), (nt, value) => new ParameterSyntax(nt.name, nt.type, value.HasValue ? value.Value : null));

    private static readonly Parser<char, ParameterListSyntax> Parameters =
        Map((start, ps, end) => new ParameterListSyntax([.. ps], TextSpan.FromBounds(start, end)),
            Open('('), Parameter.Before(FullTrivia).Separated(Comma), Close(')'));

    /// <summary>Stops a body's member loop at its closing brace, the end of the file, or (brace forgotten) the next declaration.</summary>
    private static readonly Parser<char, Unit> BodyContinues = new Tokens.BodyContinues();

    /// <summary>
    /// Parses one member; on failure records an <see cref="ErrorMemberSyntax"/> and skips the rest of the line.
    /// A failure at the member's first word means the word is not a member keyword of this declaration kind.
    /// </summary>
    private static Parser<char, MemberSyntax> Recovering(Parser<char, MemberSyntax> member, string kind, string keywords)
    {
        // The first word of each member form ("agent spawn" -> "agent"), for "did you mean".
        var firstWords = keywords.Replace(" or ", ", ", StringComparison.Ordinal).Split(", ").Select(k => k.Split(' ')[0]).Distinct().ToArray();
        return Map((start, parsed) => parsed is ErrorMemberSyntax error
                ? error with
                {
                    Span = TextSpan.FromBounds(start, error.Span.End),
                    // Nothing consumed: the first word is not a member keyword of this declaration kind. Pidgin
                    // would say "expected 'grid', 'walls', ..."; we say it in our own words.
                    Message = error.ErrorSpan.Start == start ? NotAMember(error.Token, kind, keywords, firstWords) : error.Message,
                }
                : parsed,
            CurrentOffset,
            member.Before(EndOfMember).RecoverWith(error => RecoverySkip.RestOfMember.Select(skipped =>
                (MemberSyntax)ErrorBudget.Spent(new ErrorMemberSyntax(
                    new TextSpan(skipped.ErrorStart, skipped.Token.Length),
                    ErrorMessages.Describe(error, skipped.Token),
                    TextSpan.FromBounds(skipped.ErrorStart, skipped.End)) { Token = skipped.Token }))));
    }

    private static string NotAMember(string token, string kind, string keywords, string[] firstWords)
    {
        var suggestion = token.Length > 1 ? Binding.NameSuggestions.Closest(token, firstWords) : null;
        return $"'{token}' is not {kind} member" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + $" (expected {keywords})";
    }

    /// <summary>After too many errors, the rest of the file as one error (see <see cref="ErrorBudget"/>).</summary>
    private static readonly Parser<char, MemberSyntax> SkippedRest =
        ErrorBudget.RestOfFile.Select(span => (MemberSyntax)new ErrorMemberSyntax(new TextSpan(span.Start, 0), ErrorBudget.SkippedMessage, span));

    private static readonly Parser<char, SyntaxNode> SkippedRestOfFile =
        ErrorBudget.RestOfFile.Select(span => (SyntaxNode)new ErrorDeclarationSyntax(new TextSpan(span.Start, 0), ErrorBudget.SkippedMessage, span));

    private sealed record Body(int Open, IEnumerable<MemberSyntax> Members, Maybe<int> CloseEnd);

    private static Parser<char, Body> BodyOf(Parser<char, MemberSyntax> member) =>
        Map((open, members, close) => new Body(open, members, close),
            Open('{'),
            BodyContinues.Then(SkippedRest.Or(member)).Before(FullTrivia).Many(),
            Char('}').Then(CurrentOffset).Optional());

    /// <summary>A declaration of <paramref name="kind"/>, with its keyword for <see cref="Choice.ByKeyword"/>.</summary>
    private static (string Keyword, Parser<char, SyntaxNode> Parser) Declaration(DeclarationKind kind, Parser<char, MemberSyntax> member, string keywords, bool canExtend) =>
        (KeywordOf(kind), Keyword(KeywordOf(kind))
            .Then(Identifier, (keyword, name) => (keyword, name))
            .Then(Parameters.Optional(), (kn, ps) => (kn.keyword, kn.name, ps))
            .Then(canExtend ? Keyword("extends").Then(NameOrCall).Optional() : Return(Maybe.Nothing<ExpressionSyntax>()), (h, ext) => (h, ext))
            .Before(FullTrivia)
            .Then(BodyOf(Recovering(member, kind switch { DeclarationKind.Environment => "an environment", DeclarationKind.Task => "a task", _ => "an " + KeywordOf(kind) }, keywords)), (header, body) => (SyntaxNode)new DeclarationSyntax(
                kind,
                header.h.keyword,
                header.h.name,
                header.h.ps.HasValue ? header.h.ps.Value : null,
                header.ext.HasValue ? header.ext.Value : null,
                [.. body.Members],
                new TextSpan(body.Open, 1),
                body.CloseEnd.HasValue ? new TextSpan(body.CloseEnd.Value - 1, 1) : null)));

    private static string KeywordOf(DeclarationKind kind) => kind.ToString().ToLowerInvariant();

    private static readonly Parser<char, SyntaxNode> Import = Spanned(
        Keyword(DeclarationWords.Import).Then(StringLiteral), (path, span) => (SyntaxNode)new ImportSyntax(path, span));

    private static readonly Parser<char, SyntaxNode> TopLevelItem = Map(
        (start, parsed) => parsed is ErrorDeclarationSyntax error ? error with { Span = TextSpan.FromBounds(start, error.Span.End) } : parsed,
        CurrentOffset,
        Choice.ByKeyword(
                (DeclarationWords.Import, Import),
                Declaration(DeclarationKind.Environment, MemberParsers.EnvironmentMember, MemberParsers.EnvironmentKeywords, canExtend: true),
                Declaration(DeclarationKind.Objective, MemberParsers.ObjectiveMember, MemberParsers.ObjectiveKeywords, canExtend: false),
                Declaration(DeclarationKind.Experiment, MemberParsers.ExperimentMember, MemberParsers.ExperimentKeywords, canExtend: false),
                Declaration(DeclarationKind.Task, TaskMemberParsers.TaskMember, TaskMemberParsers.TaskKeywords, canExtend: true))
            .Label("a declaration (environment, objective, experiment, task) or an import")
            .RecoverWith(error => RecoverySkip.ToNextDeclaration.Select(skipped =>
                (SyntaxNode)ErrorBudget.Spent(new ErrorDeclarationSyntax(
                    new TextSpan(skipped.ErrorStart, skipped.Token.Length),
                    ErrorMessages.Describe(error, skipped.Token) + DeclarationSuggestion(skipped.Token),
                    TextSpan.FromBounds(skipped.ErrorStart, skipped.End))))));

    private static string DeclarationSuggestion(string token) =>
        token.Length > 1 && Binding.NameSuggestions.Closest(token, DeclarationWords.All) is { } keyword
            ? $"; did you mean '{keyword}'?"
            : "";

    public static readonly Parser<char, IEnumerable<SyntaxNode>> File =
        FullTrivia.Then(Not(Lookahead(End)).Then(SkippedRestOfFile.Or(TopLevelItem)).Before(FullTrivia).Many());
}
