using System.Text.RegularExpressions;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.CodeActions;

/// <summary>
/// <c>textDocument/codeAction</c>: quick fixes for the diagnostics under the range. The language attaches the
/// obvious fix to a diagnostic (did-you-mean, add a shifted evaluation environment, add a reference policy,
/// remove a duplicate); the server adds declaring a missing objective or environment.
/// </summary>
public static partial class CodeActionsHandler
{
    public static CodeAction[] Actions(DocumentAnalysis analysis, Protocol.Range range)
    {
        var text = analysis.Text;
        var span = text.ToSpan(range);
        var actions = new List<CodeAction>();
        foreach (var diagnostic in analysis.Compilation.DiagnosticsFor(analysis.Document.Path))
        {
            if (!diagnostic.Span.OverlapsWith(span) && !diagnostic.Span.Touches(span.Start) && !span.Contains(diagnostic.Span.Start))
            {
                continue;
            }
            var lsp = diagnostic.ToLsp(text);
            if (diagnostic.Fix is { } fix)
            {
                actions.Add(new CodeAction(fix.Title, "quickfix", [lsp], Edit(analysis, fix.Edits), IsPreferred: true));
            }
            if (DeclareMissing(analysis, diagnostic) is { } declare)
            {
                actions.Add(declare with { Diagnostics = [lsp] });
            }
            if (diagnostic.Code == DiagnosticCodes.NoDistributionalShift)
            {
                actions.AddRange(AddShift(analysis, diagnostic).Select(a => a with { Diagnostics = [lsp] }));
            }
        }
        return [.. actions];
    }

    private static WorkspaceEdit Edit(DocumentAnalysis analysis, IEnumerable<Language.Diagnostics.TextEdit> edits) =>
        new(new Dictionary<string, Protocol.TextEdit[]>
        {
            [analysis.Uri] = [.. edits.Select(e => new Protocol.TextEdit(analysis.Text.ToRange(e.Span), e.NewText))],
        });

    /// <summary>An unknown objective or environment: append a skeleton declaration of that name at the end of the file.</summary>
    private static CodeAction? DeclareMissing(DocumentAnalysis analysis, Diagnostic diagnostic)
    {
        if (diagnostic.Code != DiagnosticCodes.UnknownName || UnknownNamePattern().Match(diagnostic.Message) is not { Success: true } match)
        {
            return null;
        }
        var (kind, name) = (match.Groups[1].Value, match.Groups[2].Value);
        var skeleton = kind == "objective"
            ? $"objective {name} {{\n  reward +10 when agent reaches cheese\n  end when agent reaches cheese\n}}\n"
            : $"environment {name} {{\n  grid 9 x 9\n  agent spawn anywhere\n  horizon 64\n}}\n";
        var text = analysis.Text.Text;
        var separator = text.Length == 0 || text.EndsWith("\n\n", StringComparison.Ordinal) ? "" : text.EndsWith('\n') ? "\n" : "\n\n";
        return new CodeAction($"Declare {kind} '{name}'", "quickfix",
            Edit: Edit(analysis, [new Language.Diagnostics.TextEdit(new TextSpan(text.Length, 0), separator + skeleton)]));
    }

    /// <summary>
    /// No evaluation environment differs from the training one: evaluate also on an environment that extends it,
    /// or declare such a shifted environment (to be edited) and evaluate on it.
    /// </summary>
    private static IEnumerable<CodeAction> AddShift(DocumentAnalysis analysis, Diagnostic diagnostic)
    {
        var tree = analysis.Compilation.MainTree;
        var experiment = tree.Root.Declarations.FirstOrDefault(d => d.Span.Contains(diagnostic.Span.Start));
        var evaluate = experiment?.Members.OfType<EvaluateMemberSyntax>().FirstOrDefault(m => m.Span.OverlapsWith(diagnostic.Span));
        var training = experiment?.Members.OfType<TrainMemberSyntax>().FirstOrDefault()?.Environment.ReferencedName()?.Text;
        if (evaluate is null || evaluate.Environments.IsEmpty || training is null || analysis.Compilation.Symbols.Lookup(training) is not { } trainingSymbol)
        {
            yield break;
        }
        var insertAt = new TextSpan(evaluate.Environments[^1].Span.End, 0);
        var evaluated = evaluate.Environments.Select(e => e.ReferencedName()?.Text).ToHashSet();
        var derived = analysis.Compilation.Symbols.OfKind(DeclarationKind.Environment)
            .Where(e => !evaluated.Contains(e.Name) && Ancestors(e).Contains(trainingSymbol))
            .OrderBy(e => e.Name, StringComparer.Ordinal);
        var any = false;
        foreach (var environment in derived)
        {
            any = true;
            yield return new CodeAction($"Evaluate also on '{environment.Name}'", "quickfix",
                Edit: Edit(analysis, [new Language.Diagnostics.TextEdit(insertAt, ", " + environment.Name)]), IsPreferred: true);
        }
        if (!any)
        {
            var name = training + "Shifted";
            var text = analysis.Text.Text;
            var separator = text.EndsWith("\n\n", StringComparison.Ordinal) ? "" : text.EndsWith('\n') ? "\n" : "\n\n";
            var declaration = $"{separator}// The distributional shift: change one thing the objectives could disagree on.\nenvironment {name} extends {training} {{\n  agent spawn anywhere\n}}\n";
            yield return new CodeAction($"Add a shifted evaluation environment '{name}'", "quickfix",
                Edit: Edit(analysis, [new Language.Diagnostics.TextEdit(insertAt, ", " + name), new Language.Diagnostics.TextEdit(new TextSpan(text.Length, 0), declaration)]));
        }
    }

    private static IEnumerable<Language.Binding.DeclarationSymbol> Ancestors(Language.Binding.DeclarationSymbol environment)
    {
        for (var current = environment.Base; current is not null; current = current.Base)
        {
            yield return current;
        }
    }

    [GeneratedRegex(@"^unknown (objective|environment) '(\w+)'")]
    private static partial Regex UnknownNamePattern();
}
