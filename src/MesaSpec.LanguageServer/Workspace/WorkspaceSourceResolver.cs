using MesaSpec.Language.Binding;
using MesaSpec.Language.Text;
using MesaSpec.Workspaces;

namespace MesaSpec.LanguageServer.Workspace;

/// <summary>
/// Resolves <c>import "path"</c> for the server: relative to the importing file, confined to the workspace
/// folders (or, without any, to <see cref="WorkspaceRoot.For"/> of the importing file), open documents first
/// (their unsaved text is what the user sees), then the disk.
/// </summary>
public sealed class WorkspaceSourceResolver(IReadOnlyList<string> roots, Func<string, OpenDocument?> openDocument) : ISourceResolver
{
    /// <summary>Larger imports are refused rather than read: a spec is never this big, a log file might be.</summary>
    public const long MaxImportBytes = 16 * 1024 * 1024;

    public ImportResolution Resolve(string importingPath, string importPath)
    {
        if (!Path.IsPathRooted(importingPath))
        {
            return new ImportResolution(ImportStatus.NotFound, importPath, null, "the importing document is not a file on disk");
        }
        string full;
        try
        {
            full = Path.GetFullPath(importPath, Path.GetDirectoryName(importingPath)!);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return new ImportResolution(ImportStatus.NotFound, importPath, null, "not a valid path");
        }
        var allowed = roots.Count > 0 ? roots : [WorkspaceRoot.For(importingPath)];
        if (!allowed.Any(root => WorkspaceRoot.Contains(root, full)))
        {
            return new ImportResolution(ImportStatus.OutsideWorkspace, full, null);
        }
        if (openDocument(full) is { } open)
        {
            return new ImportResolution(ImportStatus.Found, full, open.Text);
        }
        try
        {
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                return new ImportResolution(ImportStatus.NotFound, full, null);
            }
            if (info.Length > MaxImportBytes)
            {
                return new ImportResolution(ImportStatus.Unreadable, full, null, $"larger than {MaxImportBytes / (1024 * 1024)} MB");
            }
            return new ImportResolution(ImportStatus.Found, full, new SourceText(File.ReadAllText(full), full));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new ImportResolution(ImportStatus.Unreadable, full, null, exception.Message);
        }
    }
}
