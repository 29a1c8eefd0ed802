using MesaSpec.Language.Binding;
using MesaSpec.LanguageServer.Features.Hover;
using MesaSpec.LanguageServer.Features.Navigation;
using MesaSpec.LanguageServer.Features.Shared;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;
using StreamJsonRpc;

namespace MesaSpec.LanguageServer.Features.Rename;

/// <summary>
/// <c>textDocument/prepareRename</c> and <c>textDocument/rename</c>: declarations, parameters and item kinds,
/// in every open document and imported file. Keywords, components and built-in words cannot be renamed, and a
/// new name must be an identifier that is not a keyword.
/// </summary>
public static class RenameHandler
{
    public const int RequestFailed = -32803;

    private static readonly HashSet<string> Reserved = new(KeywordDocs.All.Keys.Concat(["int", "float", "bool", "string", "true", "false", "wall", "floor"]), StringComparer.Ordinal);

    public static PrepareRenameResult? Prepare(DocumentAnalysis analysis, Position position)
    {
        var reference = SymbolFinder.At(analysis, position);
        if (reference is null || reference.Symbol is ComponentSymbol)
        {
            var offset = analysis.Text.ToOffset(position);
            if (Words.At(analysis.Text, offset) is { } word && (Reserved.Contains(word.Text) || reference is not null))
            {
                throw new LocalRpcException($"'{word.Text}' is {(reference is null ? "a keyword" : "a built-in component")} and cannot be renamed") { ErrorCode = RequestFailed };
            }
            return null;
        }
        return new PrepareRenameResult(analysis.Text.ToRange(reference.Location.Span), reference.Symbol.Name);
    }

    public static WorkspaceEdit? Rename(ServerWorkspace workspace, DocumentAnalysis analysis, Position position, string newName)
    {
        if (Prepare(analysis, position) is null || SymbolFinder.At(analysis, position) is not { } reference)
        {
            return null;
        }
        if (newName.Length == 0 || !Words.IsWordChar(newName[0]) || char.IsDigit(newName[0]) || !newName.All(Words.IsWordChar))
        {
            throw new LocalRpcException($"'{newName}' is not a valid name (letters, digits and '_', not starting with a digit)") { ErrorCode = RequestFailed };
        }
        if (Reserved.Contains(newName))
        {
            throw new LocalRpcException($"'{newName}' is a keyword") { ErrorCode = RequestFailed };
        }
        if (reference.Symbol is DeclarationSymbol && analysis.Compilation.Symbols.Lookup(newName) is { } existing && existing != reference.Symbol)
        {
            throw new LocalRpcException($"a {existing.KindName} named '{newName}' already exists") { ErrorCode = RequestFailed };
        }
        var changes = SymbolFinder.Occurrences(workspace, analysis, reference.Symbol)
            .GroupBy(r => workspace.UriFor(r.Location.Path))
            .ToDictionary(g => g.Key, g => g.Select(r => new TextEdit(r.Location.Tree.Text.ToRange(r.Location.Span), newName)).ToArray());
        return new WorkspaceEdit(changes);
    }
}
