using System.IO.Compression;
using System.Xml.Linq;
using MesaSpec.Install.Tests.Support;

namespace MesaSpec.Install.Tests;

/// <summary>
/// The NuGet packages as a research group uses them: a fresh xunit project outside the repository verifies a
/// spec's snapshot through the packed MesaSpec.Testing, and a fresh plugin project built against the packed
/// MesaSpec.Plugins is loaded by the installed tool. Both restore from the local feed plus the configured source.
/// </summary>
[Collection(InstalledCollection.Name)]
public sealed class PackageTests(InstalledMesaSpec installed)
{
    private static readonly TimeSpan ProjectLimit = TimeSpan.FromMinutes(8);

    [Theory]
    [InlineData("MesaSpec.Testing", "lib/net10.0/MesaSpec.Testing.xml")]
    [InlineData("MesaSpec.Plugins", "lib/net10.0/MesaSpec.Plugins.xml")]
    [InlineData("MesaSpec.Runtime", "buildTransitive/MesaSpec.Runtime.targets")]
    public void A_package_has_its_readme_licence_and_docs(string id, string entry)
    {
        using var package = ZipFile.OpenRead(installed.Package(id));
        Assert.NotNull(package.GetEntry("README.md"));
        Assert.NotNull(package.GetEntry(entry));
        using var nuspec = package.GetEntry($"{id}.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        Assert.Equal(RepositoryRoot.Version, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
    }

    [Fact]
    public void A_fresh_xunit_project_verifies_a_specs_snapshot_with_the_packed_verifier()
    {
        var project = installed.Folder("verifier-" + Guid.NewGuid().ToString("N")[..8]);
        File.WriteAllText(Path.Combine(project, "SpecTests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                <PackageReference Include="MesaSpec.Testing" Version="{RepositoryRoot.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "SpecTests.cs"), """
            using MesaSpec.Testing;
            using Xunit;

            public class SpecTests
            {
                [Fact]
                public Task Coin_keeps_its_outcome() => MesaSpecVerifier.VerifyAsync("specs/coin.mesa");
            }
            """);
        Directory.CreateDirectory(Path.Combine(project, "specs"));
        // Trained, briefly: the verifier's training runs TorchSharp in this project's own output.
        File.WriteAllText(Path.Combine(project, "specs", "coin.mesa"), """
            environment CoinRight {
              grid 5 x 5
              item coin spawn cell(4, 2)
              agent spawn cell(0, 2)
            }

            environment CoinAnywhere extends CoinRight {
              item coin spawn anywhere
            }

            objective GetCoin {
              reward +10 when agent reaches coin
              end when agent reaches coin
            }

            experiment Coin {
              base objective GetCoin
              train on CoinRight with mlp(hidden: [8]) using ppo(steps: 256)
              seeds 1
              evaluate on CoinAnywhere episodes 4
            }

            """);
        var verified = Path.Combine(project, "specs", "coin.Coin.verified.json");

        var first = Test(project, accept: false);
        Assert.True(first.ExitCode != 0, "a spec without a verified snapshot fails as new:\n" + first);
        Assert.Contains("SnapshotMismatchException", first.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project, "specs", "coin.Coin.received.json")), first.ToString());
        Assert.False(File.Exists(verified));

        Test(project, accept: true).Succeeded();
        Assert.True(File.Exists(verified), "MESASPEC_ACCEPT=1 promotes the received snapshot");
        Assert.Contains("\"training\"", File.ReadAllText(verified), StringComparison.Ordinal);

        var again = Test(project, accept: false).Succeeded();
        Assert.Contains("Passed SpecTests.Coin_keeps_its_outcome", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fresh_plugin_project_against_the_packed_API_is_loaded_by_the_installed_tool()
    {
        var workspace = installed.Folder("plugin-" + Guid.NewGuid().ToString("N")[..8]);
        var plugin = Path.Combine(workspace, "Columns");
        Directory.CreateDirectory(plugin);
        File.WriteAllText(Path.Combine(plugin, "Columns.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <EnableDynamicLoading>true</EnableDynamicLoading>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MesaSpec.Plugins" Version="{RepositoryRoot.Version}" ExcludeAssets="runtime" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(plugin, "Columns.cs"), """
            using MesaSpec.Language.Catalogue;
            using MesaSpec.Language.Model;

            [assembly: ComponentDescriptors(typeof(Columns.ColumnsDescriptors))]
            [assembly: ComponentImplementations(typeof(Columns.ColumnsComponents))]

            namespace Columns;

            public sealed class ColumnsDescriptors : IComponentProvider
            {
                public static ComponentDescriptor Columns { get; } = new("columns", ComponentKind.Walls,
                    "Wall columns every other cell, each with one gap placed at random per level.",
                    [new("every", MesaType.Int, new Value(2L), "Distance between columns.", 2, 4)]);

                public IEnumerable<ComponentDescriptor> GetComponents() => [Columns];
            }

            public sealed class ColumnsComponents : IComponentImplementations
            {
                public IEnumerable<IComponentEntry> GetEntries() => [new ColumnWalls()];
            }

            public sealed class ColumnWalls : IWallGeneratorComponent
            {
                public ComponentDescriptor Descriptor => ColumnsDescriptors.Columns;

                public IWallGenerator Create(ComponentArguments arguments, WallGeneratorContext context) => new Generator(arguments.Int("every"));

                private sealed class Generator(int every) : IWallGenerator
                {
                    public void Generate(bool[] walls, int width, int height, IRandomSource random)
                    {
                        for (var x = every - 1; x < width - 1; x += every)
                        {
                            for (var y = 0; y < height; y++)
                            {
                                walls[y * width + x] = true;
                            }
                            walls[random.NextInt(height) * width + x] = false;
                        }
                    }
                }
            }
            """);
        Processes.Dotnet(plugin, ProjectLimit, "build", "--nologo", "-v", "q").Succeeded();
        Assert.False(File.Exists(Path.Combine(plugin, "bin", "Debug", "net10.0", "MesaSpec.Plugins.dll")), "the host's copy of the API is the one loaded");
        File.WriteAllText(Path.Combine(workspace, "mesaspec.json"), """{ "plugins": ["Columns/Columns.csproj"] }""");
        File.WriteAllText(Path.Combine(workspace, "columns.mesa"), """
            environment Columns {
              grid 7 x 7
              walls columns(every: 2)
              agent spawn anywhere
              item cheese spawn anywhere
              horizon 64
            }

            objective EatCheese {
              reward +10 when agent reaches cheese
              end when agent reaches cheese
            }

            experiment ColumnsCheese {
              base objective EatCheese
              policy oracle(EatCheese)
              seeds 1
              evaluate on Columns episodes 8
            }

            """);

        var check = installed.Run(workspace, "check", "columns.mesa");
        Assert.True(check.ExitCode == 0, check.ToString());
        var unknown = installed.Run(workspace, "check", "columns.mesa", "--no-plugins");
        Assert.Contains("columns", unknown.Out, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);

        var run = installed.Run(workspace, "run", "columns.mesa", "--out", "out", "--progress", "lines", "--jobs", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(workspace, "out", "report.json")));
    }

    private static ProcessResult Test(string project, bool accept) =>
        Processes.Run("dotnet", ["test", "--nologo", "-v", "q", "--logger", "console;verbosity=normal"], project, ProjectLimit,
            accept ? new Dictionary<string, string?> { ["MESASPEC_ACCEPT"] = "1" } : null);
}
