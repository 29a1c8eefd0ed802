using System.Text;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Syntax;

namespace MesaSpec.LanguageServer.Features.Shared;

/// <summary>Markdown for symbols and components, shared by hover, completion and signature help.</summary>
public static class SymbolDescriptions
{
    public static string Heading(DeclarationSymbol declaration)
    {
        var syntax = declaration.Syntax;
        var text = declaration.Tree.Text;
        var parameters = syntax.Parameters is { } p ? text.ToString(p.Span) : "";
        var extends = syntax.Extends is { } e ? " extends " + text.ToString(e.Span) : "";
        return $"{declaration.KindName} {declaration.Name}{parameters}{extends}";
    }

    public static string Parameter(ParameterSymbol parameter)
    {
        var syntax = parameter.Syntax;
        var text = parameter.Owner.Tree.Text;
        var value = syntax.Default is { } d ? " = " + text.ToString(d.Span) : " (required)";
        return $"parameter {parameter.Name}: {parameter.Type?.ToString() ?? text.ToString(syntax.Type.Span)}{value}";
    }

    /// <summary>The comment lines directly above a declaration: its documentation, as the examples write it.</summary>
    public static string? LeadingComment(DeclarationSymbol declaration)
    {
        var text = declaration.Tree.Text;
        var line = text.GetLineIndex(declaration.Syntax.Span.Start) - 1;
        var lines = new List<string>();
        while (line >= 0 && text.GetLineText(line).TrimStart() is var trimmed && trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            lines.Insert(0, trimmed[2..].Trim());
            line--;
        }
        return lines.Count == 0 ? null : string.Join(' ', lines);
    }

    public static string Component(ComponentDescriptor component)
    {
        var b = new StringBuilder();
        b.Append("```mesa\n").Append(component.Signature).Append("\n```\n");
        b.Append('*').Append(component.Kind.ToString().ToLowerInvariant()).Append(" component* — ").Append(component.Doc).Append("\n\n");
        if (component.Parameters.Count > 0)
        {
            b.Append("| parameter | type | default | meaning |\n|---|---|---|---|\n");
            foreach (var parameter in component.Parameters)
            {
                b.Append("| `").Append(parameter.Name).Append("` | ").Append(parameter.Type).Append(" | ")
                    .Append(parameter.Default is { } d ? $"`{Format(d)}`" : "required").Append(" | ")
                    .Append(ComponentParameterDoc(parameter).Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            }
        }
        return b.ToString();
    }

    public static string ComponentParameterDoc(ComponentParameter parameter)
    {
        var doc = parameter.Doc;
        if (parameter.Choices is { Count: > 0 } choices)
        {
            doc += $" One of: {string.Join(", ", choices)}.";
        }
        else if (parameter.Min is { } min && parameter.Max is { } max)
        {
            doc += $" Range {min:G}..{max:G}.";
        }
        return doc;
    }

    public static string Format(Language.Model.Value value) => value.Raw switch
    {
        string s => $"\"{s}\"",
        _ => value.ToString(),
    };

    /// <summary>A declaration's own source text, for hovers, cut after <paramref name="maxLines"/> lines.</summary>
    public static string Source(DeclarationSymbol declaration, int maxLines = 16)
    {
        var text = declaration.Tree.Text.ToString(declaration.Syntax.Span);
        var lines = text.Split('\n');
        return lines.Length <= maxLines ? text : string.Join('\n', lines.Take(maxLines)) + "\n  ...";
    }

    public static string KindOf(DeclarationKind kind) => kind.ToString().ToLowerInvariant();
}
