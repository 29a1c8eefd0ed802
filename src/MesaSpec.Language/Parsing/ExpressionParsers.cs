using System.Collections.Immutable;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using MesaSpec.Language.Vocabulary;
using Pidgin;
using static MesaSpec.Language.Parsing.Lexical;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace MesaSpec.Language.Parsing;

/// <summary>Values, lists, calls, regions and event targets.</summary>
internal static class ExpressionParsers
{
    /// <summary>A value, or arithmetic on values: sums of products of (possibly negated) primaries.</summary>
    public static readonly Parser<char, ExpressionSyntax> Expression = Rec(() => Sum!);

    // A sign before digits belongs to the number ('-1' is one literal), so the number is tried first and
    // gives way to a negation only when no digit follows the sign ('-alpha', '-(a + b)').
    // A negation takes an atom, not another negation: '- - - x' would nest the parser once per sign
    // (parentheses nest too, but the bracket cap, MS1005, bounds them).
    // Told apart by the first character (Choice.ByFirstChar: one alternative entered, not up to five).
    private static readonly Parser<char, ExpressionSyntax> Atom = Rec(() => Choice.ByFirstChar(
        (StartsNumber, Try(Number).Cast<ExpressionSyntax>()),
        (c => c == '"', StringLiteral.Cast<ExpressionSyntax>()),
        (c => c == '[', List!.Cast<ExpressionSyntax>()),
        (c => c == '(', Parenthesized!),
        (Tokens.IsIdentifierStart, NameOrCall!))).Label("a value");

    private static readonly Parser<char, ExpressionSyntax> Negation =
        Map((start, operand) => (ExpressionSyntax)new NegationExpressionSyntax(operand, TextSpan.FromBounds(start, operand.Span.End)),
            CurrentOffset.Before(Symbol('-')), Atom);

    private static readonly Parser<char, ExpressionSyntax> Primary = Choice.ByFirstChar(
        (StartsNumber, Try(Number).Cast<ExpressionSyntax>()), (c => c == '-', Negation), (_ => true, Atom)).Label("a value");

    private static bool StartsNumber(char c) => c is '+' or '-' || char.IsAsciiDigit(c);

    private static readonly Parser<char, ExpressionSyntax> Parenthesized =
        Map((start, inner, end) => (ExpressionSyntax)new ParenthesizedExpressionSyntax(inner, TextSpan.FromBounds(start, end)),
            Open('('), Expression.Before(FullTrivia), Close(')').Label("')'"));

    private static Parser<char, (char Operator, TextSpan Span)> Operator(char first, char second) =>
        Map((start, op) => (op, new TextSpan(start, 1)), CurrentOffset, OneOf(first, second)).Before(InlineTrivia);

    /// <summary>A left-associative chain, read iteratively (the tree is left-deep; <see cref="ArithmeticChainLimit"/> caps its length).</summary>
    private static Parser<char, ExpressionSyntax> Chain(Parser<char, ExpressionSyntax> operand, char first, char second) =>
        operand.Then(Operator(first, second).Then(operand, (op, right) => (op, right)).Many(), (left, rest) =>
            rest.Aggregate(left, (l, r) => new BinaryExpressionSyntax(l, r.op.Operator, r.op.Span, r.right)));

    private static readonly Parser<char, ExpressionSyntax> Product = Chain(Primary, '*', '/');

    private static readonly Parser<char, ExpressionSyntax> Sum = Chain(Product, '+', '-');

    public static readonly Parser<char, ArgumentSyntax> Argument = OneOf(
        Try(Identifier.Before(Char(':').Then(FullTrivia))).Then(Expression, (name, value) => new ArgumentSyntax(name, value)),
        Expression.Select(value => new ArgumentSyntax(null, value)));

    public static readonly Parser<char, ArgumentListSyntax> ArgumentList =
        Map((start, args, end) => new ArgumentListSyntax([.. args], TextSpan.FromBounds(start, end)),
            Open('('),
            Argument.Before(FullTrivia).Separated(Comma),
            Close(')').Label("',' or ')'"));

    public static readonly Parser<char, ListExpressionSyntax> List =
        Map((start, items, end) => new ListExpressionSyntax([.. items], TextSpan.FromBounds(start, end)),
            Open('['),
            Expression.Before(FullTrivia).Separated(Comma),
            Close(']').Label("',' or ']'"));

    public static readonly Parser<char, ExpressionSyntax> NameOrCall =
        Identifier.Then(ArgumentList.Optional(), (name, args) => args.HasValue
            ? new CallExpressionSyntax(name, args.Value)
            : name.Text switch
            {
                "true" => new BoolLiteralSyntax(true, name.Span),
                "false" => new BoolLiteralSyntax(false, name.Span),
                _ => (ExpressionSyntax)new NameExpressionSyntax(name),
            });

    private static readonly Parser<char, RegionSyntax> RegionAtom = Rec(() => OneOf(
        Identifier.Label("a region").Then(ArgumentList.Optional(), (function, args) => (RegionSyntax)new RegionCallSyntax(function, args.HasValue ? args.Value : null)),
        Open('(').Then(Region!).Before(FullTrivia).Before(Close(')'))));

    private static readonly Parser<char, RegionSyntax> OrAtom = Keyword(RegionWords.Or).Then(RegionAtom);

    /// <summary><c>a or b or c</c>; one atom stays itself.</summary>
    private static readonly Parser<char, RegionSyntax> Union =
        RegionAtom.Then(OrAtom.Many(), (first, rest) => Unite(first, rest));

    private static readonly Parser<char, RegionSyntax> Except = Keyword(RegionWords.Except).Then(Union);

    /// <summary>A region: unions joined by <c>except</c>; <c>or</c> binds tighter (<c>a or b except c</c> is <c>(a or b) except c</c>).</summary>
    public static readonly Parser<char, RegionSyntax> Region =
        Union.Then(Except.Many(), (left, rights) => rights.Aggregate(left, (l, r) => new RegionExceptSyntax(l, r)));

    /// <summary>Names that make a target a region rather than an item kind.</summary>
    public static readonly ImmutableHashSet<string> RegionFunctions = [.. RegionWords.Functions];

    private static readonly Parser<char, TargetSyntax> TargetAtom =
        Identifier.Label("a target (an item kind, item(...), or a region)").Then(ArgumentList.Optional(), (name, args) => name.Text switch
        {
            "item" when args.HasValue => new AttributeTargetSyntax(name, args.Value),
            _ when args.HasValue || RegionFunctions.Contains(name.Text) =>
                new RegionTargetSyntax(new RegionCallSyntax(name, args.HasValue ? args.Value : null)),
            _ => (TargetSyntax)new KindTargetSyntax(name),
        });

    /// <summary>
    /// A target; with <c>or</c> or <c>except</c> it is a region, and a bare name in it is read as a region call
    /// (so the binder names it as an unknown region rather than the parser failing).
    /// </summary>
    public static readonly Parser<char, TargetSyntax> Target =
        TargetAtom.Then(OrAtom.Many(), (target, ors) => (target, ors)).Then(Except.Many(), (head, rights) =>
        {
            var (target, ors) = head;
            var others = ors.ToList();
            var exceptions = rights.ToList();
            if (others.Count == 0 && exceptions.Count == 0)
            {
                return target;
            }
            RegionSyntax first = target switch
            {
                RegionTargetSyntax r => r.Region,
                KindTargetSyntax k => new RegionCallSyntax(k.Kind, null),
                AttributeTargetSyntax a => new RegionCallSyntax(a.Keyword, a.Attributes),
                _ => throw new InvalidOperationException("unknown target"),
            };
            return new RegionTargetSyntax(exceptions.Aggregate(Unite(first, others), (l, r) => new RegionExceptSyntax(l, r)));
        });

    private static RegionSyntax Unite(RegionSyntax first, IEnumerable<RegionSyntax> rest)
    {
        var parts = ImmutableArray.CreateBuilder<RegionSyntax>();
        parts.Add(first);
        parts.AddRange(rest);
        return parts.Count == 1 ? first : new RegionUnionSyntax(parts.ToImmutable());
    }
}
