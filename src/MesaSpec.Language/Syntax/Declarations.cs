using System.Collections.Immutable;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Syntax;

/// <summary><c>int</c>, <c>float</c>, <c>bool</c>, <c>string</c> or a list <c>[int]</c>.</summary>
public sealed record TypeSyntax(string Name, bool IsList, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];

    public override string ToString() => IsList ? $"[{Name}]" : Name;
}

public sealed record ParameterSyntax(IdentifierSyntax Name, TypeSyntax Type, ExpressionSyntax? Default)
    : SyntaxNode(TextSpan.FromBounds(Name.Span.Start, Default?.Span.End ?? Type.Span.End))
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Type, Default);
}

public sealed record ParameterListSyntax(ImmutableArray<ParameterSyntax> Parameters, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Parameters;
}

public enum DeclarationKind { Environment, Objective, Experiment, Task }

/// <summary>
/// <c>environment|objective|experiment|task Name(params) [extends Base(args)] { members }</c>.
/// <see cref="CloseBrace"/> is null when the closing brace is missing (reported as MS1002).
/// </summary>
public sealed record DeclarationSyntax(
    DeclarationKind Kind,
    TextSpan KeywordSpan,
    IdentifierSyntax Name,
    ParameterListSyntax? Parameters,
    ExpressionSyntax? Extends,
    ImmutableArray<MemberSyntax> Members,
    TextSpan OpenBrace,
    TextSpan? CloseBrace) : SyntaxNode(TextSpan.FromBounds(KeywordSpan.Start, CloseBrace?.End ?? (Members.IsEmpty ? OpenBrace.End : Members[^1].Span.End)))
{
    /// <summary>Some member could not be parsed: what it said is unknown, so nothing may be reported as missing.</summary>
    public bool HasUnparsedMembers => Members.Any(m => m is ErrorMemberSyntax);

    public string KeywordText => Kind.ToString().ToLowerInvariant();

    public override IEnumerable<SyntaxNode> Children => Nodes([Name, Parameters, Extends, .. Members]);
}

public sealed record ImportSyntax(StringLiteralSyntax Path, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Path];
}

/// <summary>Top-level text that could not be parsed as a declaration; skipped to the next declaration keyword.</summary>
public sealed record ErrorDeclarationSyntax(TextSpan ErrorSpan, string Message, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

/// <summary>A whole file: imports, declarations and skipped top-level text, in source order.</summary>
public sealed record CompilationUnitSyntax(ImmutableArray<SyntaxNode> Items, TextSpan Span) : SyntaxNode(Span)
{
    public IEnumerable<ImportSyntax> Imports => Items.OfType<ImportSyntax>();

    public IEnumerable<DeclarationSyntax> Declarations => Items.OfType<DeclarationSyntax>();

    public override IEnumerable<SyntaxNode> Children => Items;
}
