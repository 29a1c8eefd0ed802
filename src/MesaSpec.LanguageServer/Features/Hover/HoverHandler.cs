using System.Text;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Syntax;
using MesaSpec.LanguageServer.Features.Shared;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.Hover;

/// <summary>
/// <c>textDocument/hover</c>: a declared name shows its resolved definition (environments with sampled levels),
/// a component its documentation and parameters, a component argument its parameter, a keyword its meaning.
/// </summary>
public static class HoverHandler
{
    public const int PreviewLevels = 3;

    public static Protocol.Hover? Hover(DocumentAnalysis analysis, Position position)
    {
        var text = analysis.Text;
        var offset = text.ToOffset(position);
        var compilation = analysis.Compilation;
        var tree = compilation.MainTree;

        if (compilation.ReferenceAt(tree, offset) is { } reference)
        {
            return new Protocol.Hover(MarkupContent.Markdown(Describe(compilation, reference.Symbol)), text.ToRange(reference.Location.Span));
        }
        if (ComponentArgumentAt(compilation, tree, offset) is { } argument)
        {
            var (component, parameter, span) = argument;
            var markdown = $"```mesa\n{parameter.Signature}\n```\nparameter of `{component.Name}` — {SymbolDescriptions.ComponentParameterDoc(parameter)}";
            return new Protocol.Hover(MarkupContent.Markdown(markdown), text.ToRange(span));
        }
        if (Words.At(text, offset) is { } word && !IsInsideString(tree, offset))
        {
            if (KeywordDocs.All.TryGetValue(word.Text, out var doc))
            {
                return new Protocol.Hover(MarkupContent.Markdown(doc), text.ToRange(word.Span));
            }
            // A plugin's metric is no keyword: its docs come from the catalogue, as any component's.
            if (compilation.Catalog.Find(ComponentKind.Metric, word.Text) is { } metric)
            {
                return new Protocol.Hover(MarkupContent.Markdown(SymbolDescriptions.Component(metric)), text.ToRange(word.Span));
            }
        }
        return null;
    }

    public static string Describe(Compilation compilation, Symbol symbol)
    {
        switch (symbol)
        {
            case DeclarationSymbol declaration:
                var b = new StringBuilder();
                b.Append("```mesa\n").Append(SymbolDescriptions.Heading(declaration)).Append("\n```\n");
                if (SymbolDescriptions.LeadingComment(declaration) is { } comment)
                {
                    b.Append(comment).Append("\n\n");
                }
                if (KeywordDocs.All.TryGetValue(declaration.KindName, out var kindDoc))
                {
                    b.Append('*').Append(kindDoc.Replace("*", "", StringComparison.Ordinal)).Append("*\n\n");
                }
                if (declaration.Kind == DeclarationKind.Environment)
                {
                    b.Append(compilation.InstantiateEnvironment(declaration) is { } model
                        ? EnvironmentPreview.Markdown(model, PreviewLevels)
                        : "*(no preview: the environment has required parameters or errors)*\n");
                }
                else
                {
                    b.Append("```mesa\n").Append(SymbolDescriptions.Source(declaration)).Append("\n```\n");
                }
                return b.ToString();
            case ParameterSymbol parameter:
                return $"```mesa\n{SymbolDescriptions.Parameter(parameter)}\n```\nof {parameter.Owner.KindName} `{parameter.Owner.Name}`";
            case ItemKindSymbol kind:
                var owners = kind.Declarations.Select(d => EnclosingDeclaration(d)).OfType<string>().Distinct().ToList();
                return $"```mesa\nitem kind {kind.Name}\n```\nan item kind" + (owners.Count > 0 ? $", spawned in {string.Join(", ", owners.Select(o => $"`{o}`"))}" : "");
            case ComponentSymbol component:
                return SymbolDescriptions.Component(component.Descriptor);
            default:
                return $"{symbol.KindName} {symbol.Name}";
        }
    }

    /// <summary>A named argument of a component call (<c>ppo(steps: 1M)</c>) under the cursor.</summary>
    public static (ComponentDescriptor Component, ComponentParameter Parameter, Language.Text.TextSpan Span)? ComponentArgumentAt(Compilation compilation, SyntaxTree tree, int offset)
    {
        var path = tree.Root.PathTo(offset);
        for (var i = path.Count - 1; i >= 1; i--)
        {
            if (path[i] is ArgumentSyntax { Name: { } name } && name.Span.Touches(offset)
                && path.Take(i).OfType<CallExpressionSyntax>().LastOrDefault() is { } call
                && FindComponent(compilation, call.Name.Text) is { } component
                && component.Find(name.Text) is { } parameter)
            {
                return (component, parameter, name.Span);
            }
        }
        return null;
    }

    public static ComponentDescriptor? FindComponent(Compilation compilation, string name) =>
        compilation.Catalog.All.FirstOrDefault(c => c.Name == name);

    /// <summary>Words in strings and comments are prose, not keywords.</summary>
    private static bool IsInsideString(SyntaxTree tree, int offset) =>
        tree.Root.FindInnermost(offset) is StringLiteralSyntax s && offset > s.Span.Start && offset < s.Span.End
        || tree.Comments.Any(c => c.Span.Touches(offset));

    private static string? EnclosingDeclaration(SourceLocation location) =>
        location.Tree.Root.Declarations.FirstOrDefault(d => d.Span.Contains(location.Span.Start))?.Name.Text;
}
