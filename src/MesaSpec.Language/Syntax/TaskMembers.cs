using MesaSpec.Language.Text;

namespace MesaSpec.Language.Syntax;

/// <summary>
/// A member of a <c>task</c> declaration, <c>keyword value</c>: <c>dimension 10</c>, <c>context 10</c>,
/// <c>noise 0.1</c>, <c>inputs uniform(scale: 1)</c>, <c>family linear</c>.
/// </summary>
public sealed record TaskSettingMemberSyntax(string Name, ExpressionSyntax Value, TextSpan Span) : MemberSyntax(Span)
{
    public override string Keyword => Name;
    public override IEnumerable<SyntaxNode> Children => [Value];
}
