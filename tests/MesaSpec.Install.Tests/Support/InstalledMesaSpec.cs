namespace MesaSpec.Install.Tests.Support;

/// <summary>
/// MesaSpec as a user outside the repository gets it: the packages packed once into a local folder feed, the tool
/// installed from it into a tool path, and a nuget.config for fresh projects that restores from the feed plus the
/// configured sources. Fresh projects restore into a packages folder of their own (with the user's package cache as
/// a read-only fallback), so a repacked package of the same version is never shadowed by a stale cached one.
/// </summary>
public sealed class InstalledMesaSpec : IDisposable
{
    public static readonly TimeSpan PackLimit = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(5);

    public InstalledMesaSpec()
    {
        Root = Path.Combine(Path.GetTempPath(), "mesaspec-install-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Feed);
        WriteNuGetConfig();
        // Every package at once: the tool and the libraries (build/MesaSpec.Packages.slnf, as docs/packages.md says).
        Processes.Dotnet(RepositoryRoot.Path, PackLimit, "pack", "build/MesaSpec.Packages.slnf", "-c", "Release", "-o", Feed, "--nologo", "-v", "q").Succeeded();
        Processes.Dotnet(Root, StepLimit, "tool", "install", "MesaSpec.Cli", "--tool-path", ToolPath, "--add-source", Feed,
            "--version", RepositoryRoot.Version).Succeeded();
    }

    /// <summary>A temporary folder outside the repository: no Directory.Build.props, global.json or nuget.config of MesaSpec applies.</summary>
    public string Root { get; }

    public string Feed => Path.Combine(Root, "feed");

    public string ToolPath => Path.Combine(Root, "tool");

    /// <summary>The installed <c>mesaspec</c> command.</summary>
    public string Mesaspec => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "mesaspec.exe" : "mesaspec");

    /// <summary>A new empty folder under <see cref="Root"/> (where the nuget.config applies).</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public ProcessResult Run(string workingDirectory, params string[] args) => Processes.Run(Mesaspec, args, workingDirectory, StepLimit);

    /// <summary>A packed package's file, e.g. <c>MesaSpec.Testing</c>.</summary>
    public string Package(string id) => Path.Combine(Feed, $"{id}.{RepositoryRoot.Version}.nupkg");

    private void WriteNuGetConfig()
    {
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <packageSources>
                <add key="mesaspec-local-feed" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user-package-cache" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process of a failed test may still hold a file; the temp folder is cleaned by the system.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class InstalledCollection : ICollectionFixture<InstalledMesaSpec>
{
    public const string Name = "installed MesaSpec";
}
