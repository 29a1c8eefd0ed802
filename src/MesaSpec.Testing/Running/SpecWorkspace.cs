namespace MesaSpec.Testing.Running;

/// <summary>
/// The folder a spec's imports may not leave and where its cache lives: the nearest folder at or above the
/// spec holding <c>.git</c> or a <c>*.sln</c>, else the spec's own folder. The same rule as the CLI's
/// (src/MesaSpec.Cli/Input/WorkspaceRoot.cs), which this library cannot reference; keep the two in step.
/// </summary>
public static class SpecWorkspace
{
    public static string RootFor(string fullSpecPath)
    {
        var start = Path.GetDirectoryName(fullSpecPath) ?? "/";
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            try
            {
                if (Path.Exists(Path.Combine(folder.FullName, ".git")) || folder.EnumerateFiles("*.sln").Any())
                {
                    return folder.FullName;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                break;
            }
        }
        return start;
    }
}
