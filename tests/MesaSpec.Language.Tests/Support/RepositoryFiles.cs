namespace MesaSpec.Language.Tests.Support;

/// <summary>Finds files of the repository (examples/, docs/, this project's baselines) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The baselines in the source tree (not the copy in bin/), so an update rewrites the checked-in files.</summary>
    public static string Baselines => Path.Combine(Root, "tests", "MesaSpec.Language.Tests", "Baselines");

    public static IReadOnlyList<string> Examples() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "examples"), "*.mesa").Order(StringComparer.Ordinal)];

    public static string Read(params string[] relative) => File.ReadAllText(Path.Combine([Root, .. relative]));

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
