using System.Collections.Immutable;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Syntax;

/// <summary>A value written in a spec: number, string, bool, name, list or component call.</summary>
public abstract record ExpressionSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>A number as written (<see cref="Text"/>, e.g. <c>500k</c>) and its value (500000).</summary>
public sealed record NumberLiteralSyntax(string Text, double Value, TextSpan Span) : ExpressionSyntax(Span)
{
    /// <summary>Whole-valued and written without a fraction or exponent that makes it a float (<c>2.5k</c> counts as whole).</summary>
    public bool IsInteger => Value == Math.Floor(Value) && Math.Abs(Value) < 9e15 && !Text.Contains('e', StringComparison.OrdinalIgnoreCase);

    public override IEnumerable<SyntaxNode> Children => [];
}

/// <summary>A string literal; <see cref="Value"/> has escapes resolved.</summary>
public sealed record StringLiteralSyntax(string Value, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

public sealed record BoolLiteralSyntax(bool Value, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

/// <summary>A bare name: a parameter reference, a declaration reference, or a symbol such as <c>relu</c>.</summary>
public sealed record NameExpressionSyntax(IdentifierSyntax Name) : ExpressionSyntax(Name.Span)
{
    public override IEnumerable<SyntaxNode> Children => [Name];
}

public sealed record ListExpressionSyntax(ImmutableArray<ExpressionSyntax> Items, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Items;
}

/// <summary><c>name(args)</c>: a component (<c>ppo(steps: 1M)</c>) or a parameterised reference (<c>Maze(corner: 3)</c>).</summary>
public sealed record CallExpressionSyntax(IdentifierSyntax Name, ArgumentListSyntax Arguments) : ExpressionSyntax(TextSpan.FromBounds(Name.Span.Start, Arguments.Span.End))
{
    public override IEnumerable<SyntaxNode> Children => [Name, Arguments];
}

public sealed record ArgumentListSyntax(ImmutableArray<ArgumentSyntax> Arguments, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Arguments;
}

/// <summary>A positional (<see cref="Name"/> null) or named argument.</summary>
public sealed record ArgumentSyntax(IdentifierSyntax? Name, ExpressionSyntax Value)
    : SyntaxNode(TextSpan.FromBounds(Name?.Span.Start ?? Value.Span.Start, Value.Span.End))
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Value);
}

public static class ExpressionSyntaxExtensions
{
    /// <summary>The name of a name or call expression (the thing being referenced), else null.</summary>
    public static IdentifierSyntax? ReferencedName(this ExpressionSyntax expression) => expression switch
    {
        NameExpressionSyntax n => n.Name,
        CallExpressionSyntax c => c.Name,
        _ => null,
    };

    public static ArgumentListSyntax? ArgumentList(this ExpressionSyntax expression) => (expression as CallExpressionSyntax)?.Arguments;
}

/// <summary>
/// <c>left op right</c> with <see cref="Operator"/> one of <c>+ - * /</c>: arithmetic on numbers and numeric
/// parameters, folded to a constant when the spec is bound. Chains are left-associative (<c>a - b - c</c> is
/// <c>(a - b) - c</c>); <c>*</c> and <c>/</c> bind tighter than <c>+</c> and <c>-</c>.
/// </summary>
public sealed record BinaryExpressionSyntax(ExpressionSyntax Left, char Operator, TextSpan OperatorSpan, ExpressionSyntax Right)
    : ExpressionSyntax(TextSpan.FromBounds(Left.Span.Start, Right.Span.End))
{
    public override IEnumerable<SyntaxNode> Children => [Left, Right];
}

/// <summary><c>-x</c> on anything but a number literal (a sign before digits is part of the number).</summary>
public sealed record NegationExpressionSyntax(ExpressionSyntax Operand, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Operand];
}

/// <summary><c>( expression )</c>: grouping in arithmetic.</summary>
public sealed record ParenthesizedExpressionSyntax(ExpressionSyntax Inner, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Inner];
}

/// <summary>
/// <c>mix(Maze: 1 - alpha, MazeAnywhere: alpha)</c>: a training distribution that draws each level from one of the
/// environments, with probabilities proportional to the weights. Only where training environments are named.
/// </summary>
public sealed record MixtureExpressionSyntax(IdentifierSyntax Keyword, ImmutableArray<MixtureComponentSyntax> Components, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Keyword, .. Components];
}

/// <summary><c>Maze(corner: 3): 0.9</c>: an environment reference and its weight.</summary>
public sealed record MixtureComponentSyntax(ExpressionSyntax Environment, ExpressionSyntax Weight)
    : SyntaxNode(TextSpan.FromBounds(Environment.Span.Start, Weight.Span.End))
{
    public override IEnumerable<SyntaxNode> Children => [Environment, Weight];
}
