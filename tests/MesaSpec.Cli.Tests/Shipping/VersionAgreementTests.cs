using System.Text.Json;
using System.Xml.Linq;
using MesaSpec.Cli.Tests.Support;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Versioning;

namespace MesaSpec.Cli.Tests.Shipping;

/// <summary>One version everywhere: Directory.Build.props sets it, the CLI, every report and the extension show it.</summary>
public class VersionAgreementTests
{
    private static string PropsVersion =>
        XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Build.props")).Descendants("Version").Single().Value;

    [Fact]
    public void The_assemblies_carry_the_version_of_Directory_Build_props()
    {
        Assert.Equal(PropsVersion, MesaSpecVersion.Current);
        Assert.Equal(PropsVersion, ExperimentRunner.EngineVersion);
    }

    [Fact]
    public void Mesaspec_version_prints_it()
    {
        var result = Mesaspec.Run(RepositoryRoot.Path, "--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(PropsVersion, result.Out.Trim());
    }

    [Fact]
    public void The_vscode_extension_has_the_same_version()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "vscode-extension", "package.json")));
        Assert.Equal(PropsVersion, package.RootElement.GetProperty("version").GetString());
        using var locked = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "vscode-extension", "package-lock.json")));
        Assert.Equal(PropsVersion, locked.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void A_report_records_it_as_its_engine_version()
    {
        using var workspace = new Workspace();
        var spec = workspace.Write("clean.mesa", Specs.Clean);
        var result = Mesaspec.Run(workspace.Root, "run", spec, "--out", "out", "--progress", "lines", "--jobs", "1");
        Assert.Equal(0, result.ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "out", "report.json")));
        Assert.Equal(PropsVersion, report.RootElement.GetProperty("engineVersion").GetString());
    }
}
