using MesaSpec.Language.Binding;
using MesaSpec.Language.Text;
using MesaSpec.Workspaces;

namespace MesaSpec.Testing.Running;

/// <summary>
/// Resolves imports for specs verified from test code: relative to the importing file, confined to the
/// workspace root. Test specs are the project's own files, so this reads them plainly; the CLI's resolver
/// adds the checks untrusted input needs (size, binary, encoding).
/// </summary>
public sealed class WorkspaceSourceResolver(string workspaceRoot) : ISourceResolver
{
    private readonly string root = Path.GetFullPath(workspaceRoot);

    public ImportResolution Resolve(string importingPath, string importPath)
    {
        var full = Path.GetFullPath(importPath, Path.GetDirectoryName(importingPath) ?? root);
        if (!WorkspaceRoot.Contains(root, full))
        {
            return new ImportResolution(ImportStatus.OutsideWorkspace, full, null);
        }
        if (!File.Exists(full))
        {
            return new ImportResolution(ImportStatus.NotFound, full, null);
        }
        try
        {
            return new ImportResolution(ImportStatus.Found, full, new SourceText(File.ReadAllText(full), full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImportResolution(ImportStatus.Unreadable, full, null, e.Message);
        }
    }
}
