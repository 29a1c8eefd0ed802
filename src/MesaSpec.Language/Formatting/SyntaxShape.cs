using System.Globalization;
using System.Text;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Formatting;

/// <summary>
/// A span-free rendering of a syntax tree: node kinds and the text of every token that carries meaning.
/// Two trees with the same shape mean the same thing; the formatter checks its own output against it,
/// and tests use it to state "parse(fmt(x)) equals parse(x) up to trivia".
/// </summary>
public static class SyntaxShape
{
    public static string Of(SyntaxNode node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    private static void Write(SyntaxNode node, StringBuilder builder)
    {
        builder.Append(node.GetType().Name.Replace("Syntax", "", StringComparison.Ordinal));
        var detail = Detail(node);
        if (detail.Length > 0)
        {
            builder.Append('<').Append(detail).Append('>');
        }
        var first = true;
        foreach (var child in node.Children)
        {
            builder.Append(first ? "(" : " ");
            Write(child, builder);
            first = false;
        }
        if (!first)
        {
            builder.Append(')');
        }
    }

    private static string Detail(SyntaxNode node) => node switch
    {
        IdentifierSyntax identifier => identifier.Text,
        NumberLiteralSyntax number => number.Text + "=" + number.Value.ToString("R", CultureInfo.InvariantCulture),
        StringLiteralSyntax text => text.Value,
        BoolLiteralSyntax boolean => boolean.Value ? "true" : "false",
        TypeSyntax type => type.ToString(),
        DeclarationSyntax declaration => declaration.KeywordText,
        SettingMemberSyntax setting => setting.Name,
        AttributePropertySyntax attribute => attribute.Attribute,
        ItemMemberSyntax item => item.Braced ? "braced" : "",
        MetricComparisonSyntax comparison => comparison.Operator,
        BinaryExpressionSyntax binary => binary.Operator.ToString(),
        ErrorMemberSyntax or ErrorDeclarationSyntax => "error",
        _ => "",
    };
}
