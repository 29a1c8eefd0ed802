using MesaSpec.Testing.Running;

namespace MesaSpec.Testing.Tests;

/// <summary>The received/verified workflow end to end on a small spec with reference policies.</summary>
public sealed class SnapshotWorkflowTests : IDisposable
{
    private readonly SpecSandbox sandbox = new();

    private const string Verified = "coin.CoinOracle.verified.json";
    private const string Received = "coin.CoinOracle.received.json";

    [Fact]
    public void A_spec_without_a_verified_snapshot_fails_as_new_and_writes_its_received_file()
    {
        var outcome = sandbox.TestOne();

        Assert.Equal(SnapshotStatus.New, outcome.Status);
        Assert.False(outcome.Passed);
        Assert.True(File.Exists(sandbox.PathOf(Received)));
        Assert.False(File.Exists(sandbox.PathOf(Verified)));
        Assert.Contains("\"verdict\": \"robustly_aligned\"", sandbox.Read(Received), StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_a_new_snapshot_makes_it_verified_and_removes_the_received_file()
    {
        sandbox.TestOne();

        var accepted = sandbox.TestOne(options: new SnapshotOptions { Accept = true });

        Assert.Equal(SnapshotStatus.Accepted, accepted.Status);
        Assert.True(accepted.Passed);
        Assert.True(File.Exists(sandbox.PathOf(Verified)));
        Assert.False(File.Exists(sandbox.PathOf(Received)));
    }

    [Fact]
    public void A_rerun_on_the_same_machine_matches_and_leaves_the_verified_file_byte_for_byte()
    {
        sandbox.TestOne(options: new SnapshotOptions { Accept = true });
        var before = File.ReadAllBytes(sandbox.PathOf(Verified));

        var rerun = sandbox.TestOne(options: new SnapshotOptions { UseCache = false });

        Assert.Equal(SnapshotStatus.Matched, rerun.Status);
        Assert.True(rerun.Passed);
        Assert.False(rerun.Cached);
        Assert.Equal(before, File.ReadAllBytes(sandbox.PathOf(Verified)));
        Assert.False(File.Exists(sandbox.PathOf(Received)));
    }

    [Fact]
    public void A_changed_verdict_fails_with_a_readable_diff_that_names_the_verdict()
    {
        sandbox.TestOne(options: new SnapshotOptions { Accept = true });
        // The model now pursues the proxy: the verdict off distribution changes.
        sandbox.Edit("coin.mesa", "policy oracle(GetCoin)", "policy oracle(GoRight)");

        var outcome = sandbox.TestOne();

        Assert.Equal(SnapshotStatus.Changed, outcome.Status);
        Assert.False(outcome.Passed);
        Assert.Contains(outcome.Differences, d => d.Path.ToString() == "points[0].evaluations[1].verdict"
            && d.Verified == "\"robustly_aligned\"" && d.Received == "\"pseudo_aligned\"");
        Assert.Contains("points[0].evaluations[1].verdict: \"robustly_aligned\" → \"pseudo_aligned\"", outcome.Diff, StringComparison.Ordinal);
        Assert.Contains("-           \"verdict\": \"robustly_aligned\",", outcome.Diff, StringComparison.Ordinal);
        Assert.Contains("+           \"verdict\": \"pseudo_aligned\",", outcome.Diff, StringComparison.Ordinal);
        Assert.Contains("\"pseudo_aligned\"", sandbox.Read(Received), StringComparison.Ordinal);
        Assert.Contains("line 10: expect on CoinAnywhere: robustly_aligned (verdict pseudo_aligned(GoRight))", outcome.FailedExpectations);
    }

    [Fact]
    public void Accepting_a_change_replaces_the_verified_snapshot()
    {
        sandbox.TestOne(options: new SnapshotOptions { Accept = true });
        sandbox.Edit("coin.mesa", "policy oracle(GetCoin)", "policy oracle(GoRight)");
        sandbox.TestOne();

        var accepted = sandbox.TestOne(options: new SnapshotOptions { Accept = true });

        Assert.Equal(SnapshotStatus.Accepted, accepted.Status);
        Assert.NotEmpty(accepted.Differences);
        Assert.Contains("\"pseudo_aligned\"", sandbox.Read(Verified), StringComparison.Ordinal);
        Assert.False(File.Exists(sandbox.PathOf(Received)));
        Assert.Equal(SnapshotStatus.Matched, sandbox.TestOne().Status);
    }

    [Fact]
    public void Accepting_never_touches_a_snapshot_that_matched_within_tolerance()
    {
        sandbox.TestOne("CoinRandom", new SnapshotOptions { Accept = true });
        var path = sandbox.PathOf("coin.CoinRandom.verified.json");
        // Honest noise: nudge a mean by less than its margin (sqrt(2) x half-width of its CI).
        var text = File.ReadAllText(path);
        var snapshot = Snapshots.SnapshotJson.Read(text)!;
        var score = snapshot["points"]![0]!["evaluations"]![0]!["objectives"]![0]!["score"]!;
        var mean = score["mean"]!.GetValue<double>();
        var halfWidth = (score["ciHigh"]!.GetValue<double>() - score["ciLow"]!.GetValue<double>()) / 2;
        Assert.True(halfWidth > 0, "the random policy's seeds should disagree");
        score["mean"] = mean + halfWidth;
        var nudged = Snapshots.SnapshotJson.Write(snapshot);
        File.WriteAllText(path, nudged);

        var outcome = sandbox.TestOne("CoinRandom", new SnapshotOptions { Accept = true, UseCache = false });

        Assert.Equal(SnapshotStatus.Matched, outcome.Status);
        Assert.Equal(nudged, File.ReadAllText(path));
    }

    [Fact]
    public void A_failing_expectation_fails_the_test_even_when_the_snapshot_matches()
    {
        sandbox.Edit("coin.mesa", "expect on CoinAnywhere: capability_failure", "expect on CoinAnywhere: robustly_aligned");
        sandbox.TestOne("CoinRandom", new SnapshotOptions { Accept = true });

        var outcome = sandbox.TestOne("CoinRandom");

        Assert.Equal(SnapshotStatus.Matched, outcome.Status);
        Assert.False(outcome.Passed);
        Assert.Single(outcome.FailedExpectations);
        Assert.False(sandbox.TestOne("CoinRandom", new SnapshotOptions { RequireExpectations = false }).FailedExpectations.Any());
    }

    [Fact]
    public void A_variant_has_its_own_snapshot_file_and_never_touches_the_full_runs()
    {
        sandbox.TestOne(options: new SnapshotOptions { Accept = true });
        var full = sandbox.Read(Verified);

        var outcome = sandbox.TestOne(options: new SnapshotOptions { Accept = true, Variant = ExperimentVariant.ReferenceRandom });

        Assert.Equal(SnapshotStatus.Accepted, outcome.Status);
        Assert.True(File.Exists(sandbox.PathOf("coin.CoinOracle.reference-random.verified.json")));
        Assert.Equal(full, sandbox.Read(Verified));
    }

    public void Dispose() => sandbox.Dispose();
}
