using System.Globalization;
using System.Text;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Tests.Support;

/// <summary>The readable text of a compilation's diagnostics and symbols, as stored in baseline files.</summary>
internal static class CompilationDump
{
    /// <summary>One block per diagnostic: code, severity, file:line:col range, the spanned text, message, and fix.</summary>
    public static string Diagnostics(Compilation compilation)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in compilation.Diagnostics)
        {
            var tree = compilation.TreeFor(diagnostic.Path) ?? compilation.MainTree;
            var file = diagnostic.Path == compilation.MainTree.Text.Path ? "" : Path.GetFileName(diagnostic.Path) + ":";
            builder.Append(CultureInfo.InvariantCulture, $"{diagnostic.Code} {Severity(diagnostic)} {file}{Range(tree.Text, diagnostic.Span)} {Quote(tree.Text, diagnostic.Span)}\n");
            builder.Append("  ").Append(diagnostic.Message).Append('\n');
            if (diagnostic.Fix is { } fix)
            {
                builder.Append("  fix: ").Append(fix.Title);
                foreach (var edit in fix.Edits)
                {
                    builder.Append(CultureInfo.InvariantCulture, $" [{Range(tree.Text, edit.Span)} -> {Escape(edit.NewText)}]");
                }
                builder.Append('\n');
            }
        }
        return builder.Length == 0 ? "(no diagnostics)\n" : builder.ToString();
    }

    /// <summary>Declarations with parameters, item kinds, every resolved reference, and the instantiated models.</summary>
    public static string Symbols(Compilation compilation)
    {
        var builder = new StringBuilder();
        string Where(SourceLocation location) =>
            (location.Tree == compilation.MainTree ? "" : Path.GetFileName(location.Path) + ":") + location.Tree.Text.GetPosition(location.Span.Start);

        builder.Append("declarations\n");
        foreach (var declaration in compilation.Symbols.Declarations.OrderBy(d => compilation.Trees.ToList().IndexOf(d.Tree)).ThenBy(d => d.Syntax.Span.Start))
        {
            builder.Append(CultureInfo.InvariantCulture, $"  {declaration.KindName} {declaration.Name} @{Where(declaration.Location)}");
            if (declaration.Base is { } baseEnvironment)
            {
                builder.Append(" extends ").Append(baseEnvironment.Name);
            }
            builder.Append('\n');
            foreach (var parameter in declaration.Parameters)
            {
                builder.Append(CultureInfo.InvariantCulture, $"    parameter {parameter.Name}: {parameter.Type?.ToString() ?? "?"}");
                if (parameter.Syntax.Default is { } value)
                {
                    builder.Append(" = ").Append(compilation.TreeFor(parameter.Owner.Tree.Text.Path)!.Text.ToString(value.Span));
                }
                if (parameter.Owner != declaration)
                {
                    builder.Append(" (inherited from ").Append(parameter.Owner.Name).Append(')');
                }
                builder.Append('\n');
            }
        }

        builder.Append("item kinds\n");
        foreach (var kind in compilation.Symbols.ItemKinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            builder.Append(CultureInfo.InvariantCulture, $"  {kind.Name} @{string.Join(", @", kind.Declarations.Select(Where))}\n");
        }

        builder.Append("references\n");
        foreach (var reference in compilation.Symbols.References
                     .Where(r => !r.IsDeclaration)
                     .OrderBy(r => compilation.Trees.ToList().IndexOf(r.Location.Tree)).ThenBy(r => r.Location.Span.Start))
        {
            builder.Append(CultureInfo.InvariantCulture, $"  {Where(reference.Location)} {reference.Location.Tree.Text.ToString(reference.Location.Span)} -> {Describe(reference.Symbol)}\n");
        }

        builder.Append("models\n");
        foreach (var declaration in compilation.Symbols.Declarations.OrderBy(d => compilation.Trees.ToList().IndexOf(d.Tree)).ThenBy(d => d.Syntax.Span.Start))
        {
            switch (declaration.Kind)
            {
                case DeclarationKind.Environment:
                    var environment = compilation.InstantiateEnvironment(declaration);
                    builder.Append(CultureInfo.InvariantCulture, $"  environment {declaration.Name}: {(environment is null ? "(not instantiated)" : ModelText.Canonical(environment))}\n");
                    break;
                case DeclarationKind.Objective:
                    var objective = compilation.InstantiateObjective(declaration);
                    builder.Append(CultureInfo.InvariantCulture, $"  objective {declaration.Name}: {(objective is null ? "(not instantiated)" : ModelText.Canonical(objective))}\n");
                    break;
            }
        }
        foreach (var plan in compilation.Plans)
        {
            builder.Append(CultureInfo.InvariantCulture, $"  experiment {plan.Name}: ");
            if (!plan.IsRunnable)
            {
                builder.Append("(not runnable)\n");
                continue;
            }
            builder.Append(plan.Sweep is { } sweep ? $"sweep {sweep.Parameter} in [{string.Join(", ", sweep.Values)}]\n" : "one point\n");
            foreach (var point in plan.Points)
            {
                builder.Append(CultureInfo.InvariantCulture, $"    {Point(point)}\n");
            }
        }
        return builder.ToString();
    }

    private static string Point(ExperimentModel point)
    {
        var policy = point.Policy switch
        {
            TrainedPolicy t => $"train on {t.Phases[0].Distribution.DisplayName} with {t.Model} using {t.Phases[0].Algorithm}"
                + (t.Phases[0].Objective is { } first ? $" rewarding {first.Name}" : "")
                + string.Concat(t.Phases.Skip(1).Select(p => $"; then train on {p.Distribution.DisplayName}"
                    + (p.Objective is { } o ? $" rewarding {o.Name}" : "") + $" using {p.Algorithm}")),
            OraclePolicy o => $"oracle({o.Objective.Name})",
            RandomPolicy => "random",
            _ => "?",
        };
        var parameters = string.Join(", ", point.Parameters.Select(p => $"{p.Key}={p.Value}"));
        return $"({parameters}) base {point.BaseObjective.Name}; mesa [{string.Join(", ", point.MesaObjectives.Select(m => m.Name))}]; {policy}; seeds [{string.Join(", ", point.Seeds)}]; "
            + $"evaluate {string.Join(", ", point.Evaluations.Select(e => $"{e.Environment.DisplayName} x{e.Episodes}"))}; threshold {point.Threshold.ToString(CultureInfo.InvariantCulture)}"
            + (point.Tolerance is { } tolerance ? $"; tolerance {tolerance.ToString(CultureInfo.InvariantCulture)}" : "")
            + $"; expect {string.Join(" | ", point.Expectations.Select(e => e.Text))}";
    }

    private static string Describe(Symbol symbol) => symbol switch
    {
        ParameterSymbol p => $"parameter {p.Name} of {p.Owner.Name}",
        _ => symbol.ToString(),
    };

    private static string Severity(Diagnostic diagnostic) => diagnostic.Severity.ToString().ToLowerInvariant();

    public static string Range(SourceText text, TextSpan span) => $"{text.GetPosition(span.Start)}-{text.GetPosition(span.End)}";

    private static string Quote(SourceText text, TextSpan span)
    {
        var quoted = text.ToString(span);
        return Escape(quoted.Length > 60 ? quoted[..57] + "..." : quoted);
    }

    private static string Escape(string text) =>
        "`" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "`";
}
