using MesaSpec.Testing.Running;

namespace MesaSpec.Testing.Tests;

/// <summary>The xunit verifier loads the workspace's plugins through the same composition root as the CLI.</summary>
public sealed class PluginSnapshotTests
{
    [Fact]
    public async Task The_sample_plugin_spec_matches_its_verified_snapshot()
    {
        var outcomes = await MesaSpecVerifier.VerifyAsync("examples/plugins/spiral.mesa", new SnapshotOptions { UseCache = false });

        var outcome = Assert.Single(outcomes);
        Assert.True(outcome.Passed, outcome.Summary);
        Assert.EndsWith("spiral.SpiralCheese.verified.json", outcome.Files.Verified, StringComparison.Ordinal);
    }
}
