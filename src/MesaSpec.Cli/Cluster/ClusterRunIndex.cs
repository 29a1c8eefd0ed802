using MesaSpec.Workspaces;

namespace MesaSpec.Cli.Cluster;

/// <summary>
/// The distributed runs of a workspace by id: <c>.mesaspec/cluster/ID</c> holds the run folder's path (the
/// folder itself may live elsewhere on the shared filesystem). An id can also be given as the folder's path.
/// </summary>
internal static class ClusterRunIndex
{
    private static string Directory(string workspaceRoot) => Path.Combine(workspaceRoot, ".mesaspec", "cluster");

    public static string WorkspaceOf(string currentDirectory) => WorkspaceRoot.For(Path.Combine(currentDirectory, "_"));

    /// <summary>Registers a run folder under a fresh id derived from its name; returns the id.</summary>
    public static string Register(string workspaceRoot, string folder)
    {
        var directory = Directory(workspaceRoot);
        System.IO.Directory.CreateDirectory(directory);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var id = name;
        for (var n = 2; File.Exists(Path.Combine(directory, id)) && File.ReadAllText(Path.Combine(directory, id)).Trim() != folder; n++)
        {
            id = $"{name}-{n}";
        }
        File.WriteAllText(Path.Combine(directory, id), folder + "\n");
        return id;
    }

    /// <summary>The run folder an id (or a folder path) names, or null.</summary>
    public static string? Resolve(string idOrPath, string currentDirectory)
    {
        var entry = Path.Combine(Directory(WorkspaceOf(currentDirectory)), idOrPath);
        if (!idOrPath.Contains('/', StringComparison.Ordinal) && File.Exists(entry))
        {
            return File.ReadAllText(entry).Trim();
        }
        var folder = Path.GetFullPath(idOrPath, currentDirectory);
        return RunFolder.IsRunFolder(folder) ? folder : null;
    }

    /// <summary>Every registered run: id and folder, newest first.</summary>
    public static IReadOnlyList<(string Id, string Folder)> List(string workspaceRoot)
    {
        var directory = Directory(workspaceRoot);
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }
        return new DirectoryInfo(directory).GetFiles()
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Select(f => (f.Name, File.ReadAllText(f.FullName).Trim()))
            .ToList();
    }
}
