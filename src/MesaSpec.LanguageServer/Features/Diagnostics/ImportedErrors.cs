using MesaSpec.Language.Binding;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;
using LanguageDiagnostic = MesaSpec.Language.Diagnostics.Diagnostic;

namespace MesaSpec.LanguageServer.Features.Diagnostics;

/// <summary>
/// Errors inside an imported file would otherwise be invisible from the importing one (only their effects show):
/// each <c>import</c> line gets one diagnostic summarising the errors of the file it imports.
/// </summary>
public static class ImportedErrors
{
    public const string Code = "imported-errors";

    public static IEnumerable<LspDiagnostic> Summaries(DocumentAnalysis analysis, ISourceResolver resolver)
    {
        var compilation = analysis.Compilation;
        var main = compilation.MainTree;
        foreach (var import in main.Root.Imports)
        {
            var resolution = resolver.Resolve(main.Text.Path, import.Path.Value);
            if (resolution.Status != ImportStatus.Found)
            {
                continue;
            }
            var errors = compilation.Diagnostics.Where(d => d.Path == resolution.Path && d.IsError).ToList();
            if (errors.Count == 0 || compilation.TreeFor(resolution.Path) is not { } tree)
            {
                continue;
            }
            var first = errors[0];
            var message = $"{Path.GetFileName(resolution.Path)} has {errors.Count} error{(errors.Count == 1 ? "" : "s")}; first: {Describe(first, tree)}";
            yield return new LspDiagnostic(main.Text.ToRange(import.Span), LspDiagnosticSeverity.Error, Code, "mesaspec", message);
        }
    }

    private static string Describe(LanguageDiagnostic diagnostic, Language.Syntax.SyntaxTree tree) =>
        $"{diagnostic.Code} at line {tree.Text.GetPosition(diagnostic.Span.Start).Line}: {diagnostic.Message}";
}
