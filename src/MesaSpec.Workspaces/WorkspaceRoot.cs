namespace MesaSpec.Workspaces;

/// <summary>
/// The folder that imports may not leave. The rule: the nearest folder at or above the checked file
/// that contains <c>.git</c> or a <c>*.sln</c> file (the repository the spec belongs to); when there
/// is none, the folder of the checked file itself. Imports are confined to it, and the run history and the
/// snapshot cache live in it, for the CLI, the language server (without workspace folders from the client) and
/// the snapshot tests alike.
/// </summary>
public static class WorkspaceRoot
{
    public static string For(string fullFilePath)
    {
        var start = Path.GetDirectoryName(fullFilePath) ?? Path.GetPathRoot(fullFilePath) ?? "/";
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            try
            {
                // .git is a folder in a clone and a file in a worktree or submodule.
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

    /// <summary>True when <paramref name="fullPath"/> is <paramref name="root"/> or below it.</summary>
    public static bool Contains(string root, string fullPath)
    {
        var normalizedRoot = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(normalizedRoot, StringComparison.Ordinal);
    }
}
