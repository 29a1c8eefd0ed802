using MesaSpec.Language.Binding;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.Navigation;

/// <summary>
/// Finds every occurrence of a symbol across the open documents and the files they import. Symbols from
/// different compilations are the same when they are declared at the same place (declarations, parameters)
/// or share a name (item kinds, components).
/// </summary>
public static class SymbolFinder
{
    public static string? Key(Symbol symbol) => symbol switch
    {
        DeclarationSymbol d => $"declaration:{d.Tree.Text.Path}:{d.Syntax.Name.Span.Start}",
        ParameterSymbol p => $"parameter:{p.Owner.Tree.Text.Path}:{p.Syntax.Name.Span.Start}",
        ItemKindSymbol k => $"item:{k.Name}",
        ComponentSymbol c => $"component:{c.Descriptor.Kind}:{c.Name}",
        _ => null,
    };

    public static SymbolReference? At(DocumentAnalysis analysis, Position position) =>
        analysis.Compilation.ReferenceAt(analysis.Compilation.MainTree, analysis.Text.ToOffset(position));

    /// <summary>Occurrences in this document's compilation first, then in every other open document's; each place once.</summary>
    public static IReadOnlyList<SymbolReference> Occurrences(ServerWorkspace workspace, DocumentAnalysis origin, Symbol symbol)
    {
        var key = Key(symbol);
        var seen = new HashSet<(string, int)>();
        var found = new List<SymbolReference>();
        var analyses = new[] { origin }.Concat(workspace.Documents.Where(d => d.Uri != origin.Uri).Select(d => workspace.Analysis(d.Uri)).OfType<DocumentAnalysis>());
        foreach (var analysis in analyses)
        {
            foreach (var reference in analysis.Compilation.Symbols.References)
            {
                if (Key(reference.Symbol) == key && seen.Add((reference.Location.Path, reference.Location.Span.Start)))
                {
                    found.Add(reference);
                }
            }
        }
        return found;
    }

    public static Location ToLocation(ServerWorkspace workspace, SourceLocation location) =>
        new(workspace.UriFor(location.Path), location.Tree.Text.ToRange(location.Span));
}
