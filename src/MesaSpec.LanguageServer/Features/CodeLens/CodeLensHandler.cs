using MesaSpec.Language.Syntax;
using MesaSpec.LanguageServer.Features.Commands;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.CodeLens;

/// <summary>
/// <c>textDocument/codeLens</c>: above each experiment, Run experiment / Check expectations / Open last report;
/// above each environment, Preview levels. Each lens is a <c>workspace/executeCommand</c> command (see <see cref="CommandNames"/>).
/// </summary>
public static class CodeLensHandler
{
    public static Protocol.CodeLens[] Lenses(DocumentAnalysis analysis)
    {
        var text = analysis.Text;
        var lenses = new List<Protocol.CodeLens>();
        foreach (var declaration in analysis.Tree.Root.Declarations)
        {
            var range = text.ToRange(declaration.Name.Span);
            var arguments = new[] { LspJson.Element(analysis.Uri), LspJson.Element(declaration.Name.Text) };
            switch (declaration.Kind)
            {
                case DeclarationKind.Experiment:
                    lenses.Add(new Protocol.CodeLens(range, new Command("▶ Run experiment", CommandNames.Run, arguments)));
                    lenses.Add(new Protocol.CodeLens(range, new Command("Check expectations", CommandNames.CheckExpectations, arguments)));
                    lenses.Add(new Protocol.CodeLens(range, new Command("Open last report", CommandNames.OpenReport, arguments)));
                    break;
                case DeclarationKind.Environment:
                    lenses.Add(new Protocol.CodeLens(range, new Command("Preview levels", CommandNames.PreviewEnvironment, arguments)));
                    break;
            }
        }
        return [.. lenses];
    }
}
