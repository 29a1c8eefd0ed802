using MesaSpec.Language.Binding;
using MesaSpec.Workspaces.Files;

namespace MesaSpec.Testing.Running;

/// <summary>
/// Resolves imports for specs verified from test code: confined to the workspace root, by the rule every host
/// shares (<see cref="DiskImports"/>).
/// </summary>
public sealed class WorkspaceSourceResolver(string workspaceRoot) : ISourceResolver
{
    private readonly string root = Path.GetFullPath(workspaceRoot);

    public ImportResolution Resolve(string importingPath, string importPath) => DiskImports.Resolve([root], importingPath, importPath);
}
