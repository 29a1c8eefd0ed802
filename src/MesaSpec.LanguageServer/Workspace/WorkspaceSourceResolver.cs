using MesaSpec.Language.Binding;
using MesaSpec.Workspaces;
using MesaSpec.Workspaces.Files;

namespace MesaSpec.LanguageServer.Workspace;

/// <summary>
/// Resolves <c>import "path"</c> for the server: relative to the importing file, confined to the workspace
/// folders (or, without any, to <see cref="WorkspaceRoot.For"/> of the importing file), open documents first
/// (their unsaved text is what the user sees), then the disk, by the rule every host shares (<see cref="DiskImports"/>).
/// </summary>
public sealed class WorkspaceSourceResolver(IReadOnlyList<string> roots, Func<string, OpenDocument?> openDocument) : ISourceResolver
{
    public ImportResolution Resolve(string importingPath, string importPath)
    {
        if (!Path.IsPathRooted(importingPath))
        {
            return new ImportResolution(ImportStatus.NotFound, importPath, null, "the importing document is not a file on disk");
        }
        var allowed = roots.Count > 0 ? roots : [WorkspaceRoot.For(importingPath)];
        return DiskImports.Resolve(allowed, importingPath, importPath, path => openDocument(path)?.Text);
    }
}
