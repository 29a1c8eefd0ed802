using MesaSpec.Language.Binding;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.Navigation;

/// <summary><c>textDocument/definition</c> and <c>textDocument/references</c>, across files.</summary>
public static class NavigationHandler
{
    public static Location[]? Definition(ServerWorkspace workspace, DocumentAnalysis analysis, Position position)
    {
        if (SymbolFinder.At(analysis, position) is not { } reference)
        {
            return null;
        }
        IEnumerable<SourceLocation> targets = reference.Symbol switch
        {
            DeclarationSymbol d => [d.Location],
            ParameterSymbol p => [p.Location],
            ItemKindSymbol k => k.Declarations,
            _ => [],
        };
        var locations = targets.Select(t => SymbolFinder.ToLocation(workspace, t)).ToArray();
        return locations.Length == 0 ? null : locations;
    }

    public static Location[]? References(ServerWorkspace workspace, DocumentAnalysis analysis, Position position, bool includeDeclaration)
    {
        if (SymbolFinder.At(analysis, position) is not { } reference)
        {
            return null;
        }
        return [.. SymbolFinder.Occurrences(workspace, analysis, reference.Symbol)
            .Where(r => includeDeclaration || !r.IsDeclaration)
            .Select(r => SymbolFinder.ToLocation(workspace, r.Location))];
    }
}
