using MesaSpec.Language.Binding;
using MesaSpec.Language.Text;

namespace MesaSpec.Workspaces.Files;

/// <summary>
/// How an <c>import "path"</c> is found on disk, for the CLI, the language server and the snapshot tests alike:
/// relative to the importing file; confined to the workspace roots by real path, so a symbolic link cannot lead
/// out of them (and nothing outside is ever read, so no diagnostic can show it); then read by
/// <see cref="SpecFileReader"/>. The resolution's path is the path as written (open documents are known by it);
/// cycle detection compares those.
/// </summary>
public static class DiskImports
{
    /// <param name="openText">The text of an open (unsaved) document at a path, looked up before the disk.</param>
    public static ImportResolution Resolve(IReadOnlyList<string> roots, string importingPath, string importPath, Func<string, SourceText?>? openText = null)
    {
        string full;
        try
        {
            full = Path.GetFullPath(importPath, Path.GetDirectoryName(importingPath) ?? Path.GetPathRoot(importingPath) ?? "/");
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return new ImportResolution(ImportStatus.InvalidPath, importPath, null, exception is PathTooLongException ? "it is too long" : "it has characters no path can have");
        }
        if (RealPath.Of(full) is not { } real)
        {
            return new ImportResolution(ImportStatus.Unreadable, full, null, $"its symbolic links loop or cannot be read (more than {RealPath.MaxLinks} links, or one unreadable)");
        }
        if (!roots.Any(root => WorkspaceRoot.Contains(RealPath.Of(root) ?? root, real)))
        {
            return new ImportResolution(ImportStatus.OutsideWorkspace, full, null);
        }
        if (openText?.Invoke(full) is { } open)
        {
            return new ImportResolution(ImportStatus.Found, full, open);
        }
        var file = SpecFileReader.Read(full);
        if (file.Text is { } text)
        {
            return new ImportResolution(ImportStatus.Found, full, text);
        }
        return file.Problem?.Code == Language.Diagnostics.DiagnosticCodes.FileNotFound
            ? new ImportResolution(ImportStatus.NotFound, full, null)
            : new ImportResolution(ImportStatus.Unreadable, full, null, file.Problem?.Message ?? "it cannot be read");
    }
}
