using MesaSpec.Language.Text;

namespace MesaSpec.Language.Syntax;

/// <summary>
/// <c>probe CheeseCell: cell_of(EatCheese) at layer 2</c>: a linear probe of a feature of the state, read from one
/// layer of the trained model. <see cref="Layer"/> says what is read (<c>layer</c>: a trunk layer, numbered from 1 by
/// <see cref="Index"/>); other kinds of state (a recurrent state) can be named there later.
/// </summary>
public sealed record ProbeMemberSyntax(IdentifierSyntax Name, ExpressionSyntax Feature, IdentifierSyntax Layer, ExpressionSyntax? Index, TextSpan Span)
    : MemberSyntax(Span)
{
    public override string Keyword => "probe";
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Feature, Layer, Index);
}

/// <summary><c>steer CheeseNearer by 4</c>: evaluation again with the probe's unit direction, times the scale, added to its layer.</summary>
public sealed record SteerMemberSyntax(IdentifierSyntax Probe, ExpressionSyntax Scale, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "steer";
    public override IEnumerable<SyntaxNode> Children => [Probe, Scale];
}
