using MesaSpec.Language.Formatting;
using MesaSpec.Language.Text;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.Formatting;

/// <summary>
/// <c>textDocument/formatting</c> and <c>rangeFormatting</c> through the language's <see cref="Formatter"/> (canonical
/// layout, comments kept). A file with syntax errors is left alone: no edits.
/// </summary>
public static class FormattingHandler
{
    public static TextEdit[] Format(DocumentAnalysis analysis)
    {
        var tree = analysis.Compilation.MainTree;
        var formatted = Formatter.Format(tree);
        return formatted == tree.Text.Text ? [] : [new TextEdit(tree.Text.ToRange(new TextSpan(0, tree.Text.Length)), formatted)];
    }

    public static TextEdit[] FormatRange(DocumentAnalysis analysis, Protocol.Range range)
    {
        var tree = analysis.Compilation.MainTree;
        if (Formatter.FormatRange(tree, tree.Text.ToSpan(range)) is not { } formatted || tree.Text.ToString(formatted.Span) == formatted.Text)
        {
            return [];
        }
        return [new TextEdit(tree.Text.ToRange(formatted.Span), formatted.Text)];
    }
}
