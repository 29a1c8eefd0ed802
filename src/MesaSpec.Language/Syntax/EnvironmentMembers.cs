using System.Collections.Immutable;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Syntax;

/// <summary><c>grid 9 x 9</c> (width x height).</summary>
public sealed record GridMemberSyntax(ExpressionSyntax Width, ExpressionSyntax Height, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "grid";
    public override IEnumerable<SyntaxNode> Children => [Width, Height];
}

/// <summary><c>walls none</c>, <c>walls maze</c>, <c>walls rooms(count: 4)</c>.</summary>
public sealed record WallsMemberSyntax(ExpressionSyntax Walls, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "walls";
    public override IEnumerable<SyntaxNode> Children => [Walls];
}

/// <summary><c>layout { "#####" "#A.C#" }</c>: one string per row.</summary>
public sealed record LayoutMemberSyntax(ImmutableArray<StringLiteralSyntax> Rows, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "layout";
    public override IEnumerable<SyntaxNode> Children => Rows;
}

/// <summary><c>"#" = wall</c>, <c>"A" = agent</c>, <c>"C" = cheese</c>.</summary>
public sealed record LegendEntrySyntax(StringLiteralSyntax Symbol, IdentifierSyntax Meaning)
    : SyntaxNode(TextSpan.FromBounds(Symbol.Span.Start, Meaning.Span.End))
{
    public override IEnumerable<SyntaxNode> Children => [Symbol, Meaning];
}

public sealed record LegendMemberSyntax(ImmutableArray<LegendEntrySyntax> Entries, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "legend";
    public override IEnumerable<SyntaxNode> Children => Entries;
}

public sealed record AgentSpawnMemberSyntax(RegionSyntax Region, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "agent spawn";
    public override IEnumerable<SyntaxNode> Children => [Region];
}

/// <summary><c>item cheese spawn corner(top_right, 1) count 1</c>, optionally with its properties in braces.</summary>
public sealed record ItemMemberSyntax(IdentifierSyntax Kind, ImmutableArray<ItemPropertySyntax> Properties, bool Braced, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "item";
    public override IEnumerable<SyntaxNode> Children => [Kind, .. Properties];
}

public abstract record ItemPropertySyntax(TextSpan Span) : SyntaxNode(Span)
{
    public abstract string Keyword { get; }
}

public sealed record CountPropertySyntax(ExpressionSyntax Count, TextSpan Span) : ItemPropertySyntax(Span)
{
    public override string Keyword => "count";
    public override IEnumerable<SyntaxNode> Children => [Count];
}

public sealed record SpawnPropertySyntax(RegionSyntax Region, TextSpan Span) : ItemPropertySyntax(Span)
{
    public override string Keyword => "spawn";
    public override IEnumerable<SyntaxNode> Children => [Region];
}

/// <summary><c>colour red</c> or <c>shape square</c>; <see cref="Attribute"/> is normalised to "colour" or "shape".</summary>
public sealed record AttributePropertySyntax(string Attribute, IdentifierSyntax Value, TextSpan Span) : ItemPropertySyntax(Span)
{
    public override string Keyword => Attribute;
    public override IEnumerable<SyntaxNode> Children => [Value];
}

/// <summary><c>behaviour key opens chest</c>, <c>behaviour hazard</c>.</summary>
public sealed record BehaviourPropertySyntax(IdentifierSyntax Behaviour, IdentifierSyntax? Opens, TextSpan Span) : ItemPropertySyntax(Span)
{
    public override string Keyword => "behaviour";
    public override IEnumerable<SyntaxNode> Children => Nodes(Behaviour, Opens);
}

/// <summary><c>moves chase(agent)</c>, <c>moves wander(0.5)</c>: a movement component; the item becomes an entity.</summary>
public sealed record MovesPropertySyntax(ExpressionSyntax Movement, TextSpan Span) : ItemPropertySyntax(Span)
{
    public override string Keyword => "moves";
    public override IEnumerable<SyntaxNode> Children => [Movement];
}

public sealed record HorizonMemberSyntax(ExpressionSyntax Horizon, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "horizon";
    public override IEnumerable<SyntaxNode> Children => [Horizon];
}

/// <summary><c>observation full</c> or <c>observation window(5)</c>.</summary>
public sealed record ObservationMemberSyntax(ExpressionSyntax Observation, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "observation";
    public override IEnumerable<SyntaxNode> Children => [Observation];
}

/// <summary><c>cue deployment</c>: a flag the policy sees on every cell of this environment's levels; <c>cue none</c> removes an inherited one.</summary>
public sealed record CueMemberSyntax(IdentifierSyntax Cue, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "cue";
    public override IEnumerable<SyntaxNode> Children => [Cue];
}

/// <summary><c>levels 200</c> (a finite training set) or <c>levels unlimited</c>.</summary>
public sealed record LevelsMemberSyntax(ExpressionSyntax Levels, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "levels";
    public override IEnumerable<SyntaxNode> Children => [Levels];
}
