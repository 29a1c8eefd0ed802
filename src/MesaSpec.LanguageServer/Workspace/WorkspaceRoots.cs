namespace MesaSpec.LanguageServer.Workspace;

/// <summary>
/// The folders imports may not leave. With workspace folders from the client, those; otherwise the same rule as
/// the CLI: the nearest folder at or above the file holding <c>.git</c> or a <c>*.sln</c>, else the file's folder.
/// </summary>
public static class WorkspaceRoots
{
    public static string For(string fullFilePath)
    {
        var start = Path.GetDirectoryName(fullFilePath) ?? Path.GetPathRoot(fullFilePath) ?? "/";
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            try
            {
                if (Path.Exists(Path.Combine(folder.FullName, ".git")) || folder.EnumerateFiles("*.sln").Any())
                {
                    return folder.FullName;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                break;
            }
        }
        return start;
    }

    public static bool Contains(string root, string fullPath)
    {
        var normalizedRoot = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(normalizedRoot, StringComparison.Ordinal);
    }
}
