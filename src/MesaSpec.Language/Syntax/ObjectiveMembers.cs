using MesaSpec.Language.Text;

namespace MesaSpec.Language.Syntax;

/// <summary><c>when agent reaches cheese</c>: the verb and its target.</summary>
public sealed record EventClauseSyntax(IdentifierSyntax Verb, TargetSyntax Target)
    : SyntaxNode(TextSpan.FromBounds(Verb.Span.Start, Target.Span.End))
{
    public override IEnumerable<SyntaxNode> Children => [Verb, Target];
}

/// <summary><c>unless agent holds shield</c> or <c>if agent holds key</c>: <see cref="Word"/> is <c>if</c> or <c>unless</c>.</summary>
public sealed record HoldConditionSyntax(IdentifierSyntax Word, IdentifierSyntax Kind, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Word, Kind];
}

/// <summary><c>after apple</c>: an order, the event counts only once every item of that kind is gone.</summary>
public sealed record AfterSyntax(IdentifierSyntax Kind, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Kind];
}

/// <summary><c>, at most 3</c> after a reward: it pays at most that many times per episode.</summary>
public sealed record AtMostSyntax(ExpressionSyntax Count, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Count];
}

/// <summary>
/// <c>reward +10 when agent reaches cheese</c>; <see cref="Event"/> is null for <c>reward -0.01 each step</c>.
/// Optionally <c>unless agent holds shield</c> (<see cref="Condition"/>) and <c>, at most 3</c> (<see cref="AtMost"/>).
/// </summary>
public sealed record RewardMemberSyntax(NumberLiteralSyntax Amount, EventClauseSyntax? Event, TextSpan Span) : MemberSyntax(Span)
{
    public AfterSyntax? After { get; init; }

    public HoldConditionSyntax? Condition { get; init; }

    public AtMostSyntax? AtMost { get; init; }

    public override string Keyword => "reward";
    public override IEnumerable<SyntaxNode> Children => Nodes(Amount, Event, After, Condition, AtMost);
}

/// <summary><c>end when agent reaches cheese</c>, optionally with a <see cref="Condition"/>.</summary>
public sealed record EndMemberSyntax(EventClauseSyntax Event, TextSpan Span) : MemberSyntax(Span)
{
    public AfterSyntax? After { get; init; }

    public HoldConditionSyntax? Condition { get; init; }

    public override string Keyword => "end";
    public override IEnumerable<SyntaxNode> Children => Nodes(Event, After, Condition);
}
