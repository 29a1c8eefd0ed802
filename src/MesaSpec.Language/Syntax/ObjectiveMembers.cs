using MesaSpec.Language.Text;

namespace MesaSpec.Language.Syntax;

/// <summary><c>when agent reaches cheese</c>: the verb and its target.</summary>
public sealed record EventClauseSyntax(IdentifierSyntax Verb, TargetSyntax Target)
    : SyntaxNode(TextSpan.FromBounds(Verb.Span.Start, Target.Span.End))
{
    public override IEnumerable<SyntaxNode> Children => [Verb, Target];
}

/// <summary><c>reward +10 when agent reaches cheese</c>; <see cref="Event"/> is null for <c>reward -0.01 each step</c>.</summary>
public sealed record RewardMemberSyntax(NumberLiteralSyntax Amount, EventClauseSyntax? Event, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "reward";
    public override IEnumerable<SyntaxNode> Children => Nodes(Amount, Event);
}

/// <summary><c>end when agent reaches cheese</c>.</summary>
public sealed record EndMemberSyntax(EventClauseSyntax Event, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "end";
    public override IEnumerable<SyntaxNode> Children => [Event];
}
