using MesaSpec.Language.Binding;
using MesaSpec.Workspaces;

namespace MesaSpec.Cli.Input;

/// <summary>
/// Resolves <c>import "path"</c> on disk: relative to the importing file, confined to the workspace
/// root (<see cref="WorkspaceRoot"/>), read with the same checks as any spec (<see cref="SpecFileReader"/>).
/// Paths are full paths so cycle detection compares like with like.
/// </summary>
public sealed class FileSystemSourceResolver(string workspaceRoot) : ISourceResolver
{
    public string Root { get; } = Path.GetFullPath(workspaceRoot);

    public ImportResolution Resolve(string importingPath, string importPath)
    {
        var folder = Path.GetDirectoryName(importingPath) ?? Root;
        string full;
        try
        {
            full = Path.GetFullPath(importPath, folder);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return new ImportResolution(ImportStatus.NotFound, importPath, null, "not a valid path");
        }
        if (!WorkspaceRoot.Contains(Root, full))
        {
            return new ImportResolution(ImportStatus.OutsideWorkspace, full, null);
        }
        if (!File.Exists(full))
        {
            return new ImportResolution(ImportStatus.NotFound, full, null);
        }
        var file = SpecFileReader.Read(full);
        return file.Text is null
            ? new ImportResolution(ImportStatus.Unreadable, full, null, file.Problem?.Message)
            : new ImportResolution(ImportStatus.Found, full, file.Text);
    }
}
