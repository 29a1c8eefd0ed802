using MesaSpec.Language.Binding;
using MesaSpec.Workspaces.Files;

namespace MesaSpec.Cli.Input;

/// <summary>
/// Resolves <c>import "path"</c> on disk, confined to the workspace root (<see cref="Workspaces.WorkspaceRoot"/>), by
/// the rule every host shares (<see cref="DiskImports"/>).
/// </summary>
public sealed class FileSystemSourceResolver(string workspaceRoot) : ISourceResolver
{
    public string Root { get; } = Path.GetFullPath(workspaceRoot);

    public ImportResolution Resolve(string importingPath, string importPath) => DiskImports.Resolve([Root], importingPath, importPath);
}
