using System.Collections.Immutable;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Syntax;

public abstract record RegionSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>anywhere</c>, <c>corner(top_right, 2)</c>, <c>cell(3, 4)</c>, <c>rect(...)</c>, <c>rows(...)</c>, <c>columns(...)</c>.</summary>
public sealed record RegionCallSyntax(IdentifierSyntax Function, ArgumentListSyntax? Arguments)
    : RegionSyntax(TextSpan.FromBounds(Function.Span.Start, Arguments?.Span.End ?? Function.Span.End))
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Function, Arguments);
}

/// <summary><c>left except right</c>.</summary>
public sealed record RegionExceptSyntax(RegionSyntax Left, RegionSyntax Right)
    : RegionSyntax(TextSpan.FromBounds(Left.Span.Start, Right.Span.End))
{
    public override IEnumerable<SyntaxNode> Children => [Left, Right];
}

/// <summary>What an event is about: a region, an item kind, or items with attributes.</summary>
public abstract record TargetSyntax(TextSpan Span) : SyntaxNode(Span);

public sealed record RegionTargetSyntax(RegionSyntax Region) : TargetSyntax(Region.Span)
{
    public override IEnumerable<SyntaxNode> Children => [Region];
}

public sealed record KindTargetSyntax(IdentifierSyntax Kind) : TargetSyntax(Kind.Span)
{
    public override IEnumerable<SyntaxNode> Children => [Kind];
}

/// <summary><c>item(colour: red, shape: square)</c>.</summary>
public sealed record AttributeTargetSyntax(IdentifierSyntax Keyword, ArgumentListSyntax Attributes)
    : TargetSyntax(TextSpan.FromBounds(Keyword.Span.Start, Attributes.Span.End))
{
    public override IEnumerable<SyntaxNode> Children => [Keyword, Attributes];
}

/// <summary><c>a or b or c</c>, kept flat: a union is associative, so its parts are siblings rather than a chain.</summary>
public sealed record RegionUnionSyntax(ImmutableArray<RegionSyntax> Parts)
    : RegionSyntax(TextSpan.FromBounds(Parts[0].Span.Start, Parts[^1].Span.End))
{
    public override IEnumerable<SyntaxNode> Children => Parts;
}
