using MesaSpec.Testing.Running;

namespace MesaSpec.Testing.Tests;

/// <summary><see cref="MesaSpecVerifier"/> as a test project uses it, and runs that do not finish.</summary>
public sealed class VerifierTests : IDisposable
{
    private readonly SpecSandbox sandbox = new();

    private SnapshotOptions Options(bool accept = false) =>
        new() { Accept = accept, AcceptFromEnvironment = false, CacheDirectory = sandbox.CacheFolder };

    [Fact]
    public async Task A_new_snapshot_throws_with_what_to_do_then_passes_once_accepted()
    {
        var spec = sandbox.PathOf("coin.mesa");

        var error = await Assert.ThrowsAsync<SnapshotMismatchException>(() => MesaSpecVerifier.VerifyAsync(spec, Options(), "CoinOracle"));

        Assert.Contains("CoinOracle: new snapshot, wrote coin.CoinOracle.received.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("MESASPEC_ACCEPT=1", error.Message, StringComparison.Ordinal);
        await MesaSpecVerifier.VerifyAsync(spec, Options(accept: true), "CoinOracle");
        var outcomes = await MesaSpecVerifier.VerifyAsync(spec, Options(), "CoinOracle");
        Assert.Equal(SnapshotStatus.Matched, Assert.Single(outcomes).Status);
    }

    [Fact]
    public async Task A_changed_verdict_throws_with_the_diff()
    {
        var spec = sandbox.PathOf("coin.mesa");
        await MesaSpecVerifier.VerifyAsync(spec, Options(accept: true));
        sandbox.Edit("coin.mesa", "policy oracle(GetCoin)", "policy oracle(GoRight)");

        var error = await Assert.ThrowsAsync<SnapshotMismatchException>(() => MesaSpecVerifier.VerifyAsync(spec, Options()));

        Assert.Contains("points[0].evaluations[1].verdict: \"robustly_aligned\" → \"pseudo_aligned\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("expectation failed: line 10", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CoinRandom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_experiments_and_specs_with_errors_say_so()
    {
        var unknown = await Assert.ThrowsAsync<SnapshotMismatchException>(() => MesaSpecVerifier.VerifyAsync(sandbox.PathOf("coin.mesa"), Options(), "Nope"));
        Assert.Contains("experiments: CoinOracle, CoinRandom", unknown.Message, StringComparison.Ordinal);

        sandbox.Write("broken.mesa", "experiment Broken {\n  base objective Missing\n  policy random\n}\n");
        var broken = await Assert.ThrowsAsync<SnapshotMismatchException>(() => MesaSpecVerifier.VerifyAsync(sandbox.PathOf("broken.mesa"), Options()));
        Assert.Contains("has errors", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_that_does_not_finish_fails_writes_nothing_and_is_not_cached()
    {
        // The sandbox runs without a trainer, so an experiment that trains stops with "no trainer available".
        sandbox.Write("trained.mesa", "import \"coin-world.mesa\"\n\nexperiment Trained {\n  base objective GetCoin\n  mesa objective GoRight\n"
            + "  train on CoinRight with mlp(hidden: [8]) using ppo(steps: 64)\n  seeds 1\n  evaluate on CoinAnywhere episodes 4\n}\n");

        var outcome = sandbox.Test("trained.mesa").Single();

        Assert.Equal(SnapshotStatus.RunFailed, outcome.Status);
        Assert.False(outcome.Passed);
        Assert.Contains("no trainer", outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(outcome.Files.Received));
        Assert.False(sandbox.Test("trained.mesa").Single().Cached);
        Assert.Equal(2, sandbox.Runs);
    }

    public void Dispose() => sandbox.Dispose();
}
