using MesaSpec.Language.Text;

namespace MesaSpec.Language.Syntax;

/// <summary>One line (or braced block) inside a declaration body.</summary>
public abstract record MemberSyntax(TextSpan Span) : SyntaxNode(Span)
{
    /// <summary>The member's leading keyword(s), as the formatter writes them.</summary>
    public abstract string Keyword { get; }
}

/// <summary>
/// A member that did not parse. <see cref="ErrorSpan"/> is where parsing failed; <see cref="Span"/>
/// covers the text skipped to recover (the rest of the line, brackets balanced).
/// </summary>
public sealed record ErrorMemberSyntax(TextSpan ErrorSpan, string Message, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => "";

    /// <summary>The word where parsing failed, for the parser's own message.</summary>
    internal string Token { get; init; } = "";

    public override IEnumerable<SyntaxNode> Children => [];
}
