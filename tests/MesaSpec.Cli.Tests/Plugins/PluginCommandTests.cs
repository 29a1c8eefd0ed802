using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Plugins;

/// <summary>The sample plugin (examples/plugins) from the command line, and plugins that fail, as diagnostics.</summary>
public sealed class PluginCommandTests : IDisposable
{
    private readonly Workspace _workspace = new();

    private static string Sample => Path.Combine(RepositoryRoot.Path, "examples", "plugins");

    private static string SpiralProject => Path.Combine(Sample, "Spiral", "MesaSpec.Examples.Spiral.csproj");

    private static string ThrowingProject => Path.Combine(RepositoryRoot.Path, "tests", "Fixtures", "MesaSpec.ThrowingPlugin", "MesaSpec.ThrowingPlugin.csproj");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void The_sample_spec_checks_clean_with_its_plugin_and_not_without()
    {
        var with = Mesaspec.Run(Sample, "check", "spiral.mesa");
        var without = Mesaspec.Run(Sample, "check", "spiral.mesa", "--no-plugins");

        Assert.True(with.ExitCode == 0 && with.Out.EndsWith(" 0 errors, 0 warnings\n", StringComparison.Ordinal), with.All);
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("MS2005", without.Out, StringComparison.Ordinal);
        Assert.Contains("unknown walls 'spiral'", without.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_spec_runs_with_the_plugins_walls()
    {
        CopySample();

        var result = Mesaspec.Run(_workspace.Root, "run", "spiral.mesa", "--out", "out");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("PASS line", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL line", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_workspace.Root, "out", "report.json")));
    }

    [Fact]
    public void Mesaspec_test_matches_the_sample_snapshot()
    {
        var result = Mesaspec.Run(Sample, "test", "spiral.mesa", "--no-cache");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("1 passed, 0 failed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_that_throws_is_a_diagnostic_naming_it()
    {
        _workspace.Write("mesaspec.json", Manifest(ThrowingProject));
        _workspace.Write("clean.mesa", Specs.Clean);

        var result = Mesaspec.Run(_workspace.Root, "check", "clean.mesa");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error MS0203: plugin 'MesaSpec.ThrowingPlugin' failed to load", result.Out, StringComparison.Ordinal);
        Assert.Contains("the plugin's descriptors are broken", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_that_is_not_there_and_a_broken_manifest_are_diagnostics()
    {
        _workspace.Write("missing/mesaspec.json", Manifest("NoSuch.dll"));
        _workspace.Write("missing/clean.mesa", Specs.Clean);
        _workspace.Write("broken/mesaspec.json", "{ \"plugins\": 3 }");
        _workspace.Write("broken/clean.mesa", Specs.Clean);

        var missing = Mesaspec.Run(_workspace.Root, "check", "missing/clean.mesa");
        var broken = Mesaspec.Run(_workspace.Root, "check", "broken/clean.mesa");

        Assert.Contains("error MS0202: plugin 'NoSuch.dll' not found", missing.Out, StringComparison.Ordinal);
        Assert.Contains("error MS0201: the workspace manifest is not valid: 'plugins' must be a list of paths", broken.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void No_plugins_skips_even_a_broken_plugin()
    {
        _workspace.Write("mesaspec.json", Manifest(ThrowingProject));
        _workspace.Write("clean.mesa", Specs.Clean);

        var result = Mesaspec.Run(_workspace.Root, "check", "clean.mesa", "--no-plugins");

        Assert.True(result.ExitCode == 0, result.All);
    }

    private void CopySample()
    {
        _workspace.Write("spiral.mesa", File.ReadAllText(Path.Combine(Sample, "spiral.mesa")));
        _workspace.Write("mesaspec.json", Manifest(SpiralProject));
    }

    private static string Manifest(string plugin) => $$"""{ "plugins": [{{System.Text.Json.JsonSerializer.Serialize(plugin)}}] }""";
}
