using System.Xml.Linq;

namespace MesaSpec.Install.Tests.Support;

public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The version Directory.Build.props gives every package.</summary>
    public static string Version { get; } =
        XDocument.Load(System.IO.Path.Combine(Path, "Directory.Build.props")).Descendants("Version").Single().Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MesaSpec.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MesaSpec.sln not found above " + AppContext.BaseDirectory);
    }
}
