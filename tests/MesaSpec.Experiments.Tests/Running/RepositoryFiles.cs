namespace MesaSpec.Experiments.Tests.Running;

/// <summary>Finds files of the repository (examples/) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> Examples() =>
        Directory.EnumerateFiles(Path.Combine(Root, "examples"), "*.mesa").Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MesaSpec.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MesaSpec.sln not found above " + AppContext.BaseDirectory);
    }
}
