using System.Collections.Immutable;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Syntax;

public sealed record BaseObjectiveMemberSyntax(IdentifierSyntax Objective, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "base objective";
    public override IEnumerable<SyntaxNode> Children => [Objective];
}

public sealed record MesaObjectiveMemberSyntax(ImmutableArray<IdentifierSyntax> Objectives, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "mesa objective";
    public override IEnumerable<SyntaxNode> Children => Objectives;
}

/// <summary>
/// <c>train on Maze with mlp(...) using ppo(...) [rewarding O]</c>: the first training phase. <see cref="Environment"/>
/// is an environment reference or a <see cref="MixtureExpressionSyntax"/>; <see cref="Objective"/> (null: the base
/// objective) is what this phase rewards.
/// </summary>
public sealed record TrainMemberSyntax(ExpressionSyntax Environment, ExpressionSyntax Model, ExpressionSyntax Algorithm, TextSpan Span) : MemberSyntax(Span)
{
    public IdentifierSyntax? Objective { get; init; }

    /// <summary><c>curriculum plr(...)</c>: how the phase chooses its levels (null: domain randomisation).</summary>
    public ExpressionSyntax? Curriculum { get; init; }

    public override string Keyword => "train on";
    public override IEnumerable<SyntaxNode> Children => Nodes(Environment, Model, Algorithm, Objective, Curriculum);
}

/// <summary>
/// <c>then train on ENV [rewarding O] [using ALGORITHM] [for STEPS]</c>: a further phase that fine-tunes the previous
/// phase's weights. Unstated parts repeat the previous phase's algorithm; <see cref="Budget"/> replaces its budget.
/// </summary>
public sealed record ThenTrainMemberSyntax(ExpressionSyntax Environment, IdentifierSyntax? Objective, ExpressionSyntax? Algorithm, ExpressionSyntax? Budget, TextSpan Span) : MemberSyntax(Span)
{
    /// <summary><c>curriculum plr(...)</c>: this phase's own curriculum (null: domain randomisation; never inherited).</summary>
    public ExpressionSyntax? Curriculum { get; init; }

    public override string Keyword => "then train on";
    public override IEnumerable<SyntaxNode> Children => Nodes(Environment, Objective, Algorithm, Budget, Curriculum);
}

/// <summary><c>policy random</c> or <c>policy oracle(EatCheese)</c>: a reference policy instead of training.</summary>
public sealed record PolicyMemberSyntax(ExpressionSyntax Policy, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "policy";
    public override IEnumerable<SyntaxNode> Children => [Policy];
}

/// <summary>A member of the form <c>keyword expr</c>: <c>seeds</c>, <c>threshold</c>, <c>tolerance</c>.</summary>
public sealed record SettingMemberSyntax(string Name, ExpressionSyntax Value, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => Name;
    public override IEnumerable<SyntaxNode> Children => [Value];
}

public sealed record EvaluateMemberSyntax(ImmutableArray<ExpressionSyntax> Environments, ExpressionSyntax? Episodes, TextSpan Span) : MemberSyntax(Span)
{
    /// <summary><c>thinking N</c>: steps a policy with memory may think on each episode's first observation before acting.</summary>
    public ExpressionSyntax? Thinking { get; init; }

    public override string Keyword => "evaluate on";
    public override IEnumerable<SyntaxNode> Children => Nodes([.. Environments, Episodes, Thinking]);
}

public sealed record SweepMemberSyntax(IdentifierSyntax Parameter, ListExpressionSyntax Values, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "sweep";
    public override IEnumerable<SyntaxNode> Children => [Parameter, Values];
}

/// <summary><c>expect on MazeAnywhere [where corner = 1]: ...</c>, or <c>expect: ...</c> for the experiment-level verdict (no environment).</summary>
public sealed record ExpectMemberSyntax(
    IdentifierSyntax? Environment,
    IdentifierSyntax? WhereParameter,
    ExpressionSyntax? WhereValue,
    ExpectationSyntax Expectation,
    TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "expect on";
    public override IEnumerable<SyntaxNode> Children => Nodes(Environment, WhereParameter, WhereValue, Expectation);
}

public abstract record ExpectationSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>robustly_aligned</c>, <c>pseudo_aligned(GoToCorner)</c>, ...</summary>
public sealed record VerdictExpectationSyntax(IdentifierSyntax Verdict, IdentifierSyntax? Proxy, TextSpan Span) : ExpectationSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Verdict, Proxy);
}

/// <summary><c>score(GoToCorner)</c>, <c>capability</c>.</summary>
public sealed record MetricSyntax(IdentifierSyntax Name, IdentifierSyntax? Objective, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Objective);
}

/// <summary><c>score(GoToCorner) > 0.5</c>.</summary>
public sealed record MetricComparisonSyntax(MetricSyntax Metric, string Operator, ExpressionSyntax Value, TextSpan Span) : ExpectationSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Metric, Value];
}

/// <summary><c>score(GoToCorner) decreasing</c>: across the experiment's sweep.</summary>
public sealed record MetricTrendSyntax(MetricSyntax Metric, IdentifierSyntax Trend, TextSpan Span) : ExpectationSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Metric, Trend];
}
