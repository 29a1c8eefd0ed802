using System.Text.Json.Nodes;
using MesaSpec.Testing.Comparison;
using MesaSpec.Testing.Running;

namespace MesaSpec.Testing.Tests;

/// <summary>Verdicts exact, scores within the declared tolerance or the margin derived from the verified CI.</summary>
public sealed class ToleranceTests : IDisposable
{
    private readonly SpecSandbox sandbox = new();

    /// <summary>One evaluation: base score 0.5 with CI [0.4, 0.6] (margin √2 × 0.1 ≈ 0.1414), and a per-seed value.</summary>
    private static JsonObject Snapshot(double mean = 0.5, double seedScore = 0.45, string verdict = "robustly_aligned", int episodes = 30) =>
        JsonNode.Parse($$"""
        {
          "points": [{ "evaluations": [{
            "environment": "Shifted", "verdict": "{{verdict}}", "episodes": {{episodes}}, "threshold": 0.5,
            "capability": { "mean": {{mean}}, "ciLow": 0.4, "ciHigh": 0.6, "count": 3 },
            "objectives": [{ "name": "Base", "score": { "mean": {{mean}}, "ciLow": 0.4, "ciHigh": 0.6, "count": 3 } }],
            "perSeed": [{ "seed": 0, "verdict": "{{verdict}}", "capability": {{seedScore}}, "objectives": [{ "name": "Base", "score": {{seedScore}} }] }]
          }] }]
        }
        """)!.AsObject();

    private static readonly ScoreTolerance Derived = new(Declared: null);

    [Fact]
    public void A_score_within_the_derived_margin_matches_and_one_beyond_it_fails()
    {
        Assert.True(SnapshotComparer.Compare(Snapshot(), Snapshot(mean: 0.64), Derived).Matches);

        var comparison = SnapshotComparer.Compare(Snapshot(), Snapshot(mean: 0.65), Derived);

        Assert.False(comparison.Matches);
        var difference = Assert.Single(comparison.Differences, d => d.Path.ToString() == "points[0].evaluations[0].objectives[0].score.mean");
        Assert.Equal(Math.Sqrt(2) * 0.1, difference.Tolerance!.Value, 9);
        Assert.Contains("(tolerance ±0.1414)", difference.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_seed_score_takes_the_margin_of_its_aggregate()
    {
        Assert.True(SnapshotComparer.Compare(Snapshot(), Snapshot(seedScore: 0.58), Derived).Matches);
        Assert.False(SnapshotComparer.Compare(Snapshot(), Snapshot(seedScore: 0.6), Derived).Matches);
    }

    [Fact]
    public void A_declared_tolerance_replaces_the_derived_margin()
    {
        var declared = new ScoreTolerance(0.05);

        Assert.True(SnapshotComparer.Compare(Snapshot(), Snapshot(mean: 0.54), declared).Matches);
        Assert.False(SnapshotComparer.Compare(Snapshot(), Snapshot(mean: 0.56), declared).Matches);
    }

    [Fact]
    public void Verdicts_and_counts_are_exact_whatever_the_tolerance()
    {
        var generous = new ScoreTolerance(1.0);

        var verdict = SnapshotComparer.Compare(Snapshot(), Snapshot(verdict: "inconclusive"), generous);
        var episodes = SnapshotComparer.Compare(Snapshot(), Snapshot(episodes: 31), generous);

        Assert.Equal(2, verdict.Differences.Count(d => d.Path.LastMember == "verdict"));
        Assert.All(verdict.Differences, d => Assert.Null(d.Tolerance));
        Assert.Equal("points[0].evaluations[0].episodes", Assert.Single(episodes.Differences).Path.ToString());
    }

    [Fact]
    public void A_probe_penalty_matches_to_a_millionth_of_itself_and_a_grid_step_fails()
    {
        static JsonObject Probe(double penalty) => JsonNode.Parse($$"""{ "probes": [{ "perSeed": [{ "seed": 0, "penalty": {{penalty}} }] }] }""")!.AsObject();

        Assert.True(SnapshotComparer.Compare(Probe(986.829397), Probe(986.829407), Derived).Matches); // another CPU's rounding
        Assert.False(SnapshotComparer.Compare(Probe(986.829397), Probe(986.84), Derived).Matches);
        Assert.False(SnapshotComparer.Compare(Probe(986.829397), Probe(9868.29397), new ScoreTolerance(1.0)).Matches); // another grid value
    }

    [Fact]
    public void An_estimate_without_an_interval_must_match_exactly_unless_a_tolerance_is_declared()
    {
        var verified = Snapshot();
        verified["points"]![0]!["evaluations"]![0]!["objectives"]![0]!["score"]!["ciLow"] = null;
        var received = verified.DeepClone().AsObject();
        received["points"]![0]!["evaluations"]![0]!["objectives"]![0]!["score"]!["mean"] = 0.5000001;

        Assert.False(SnapshotComparer.Compare(verified, received, Derived).Matches);
        Assert.True(SnapshotComparer.Compare(verified, received, new ScoreTolerance(0.001)).Matches);
    }

    [Fact]
    public void In_tolerance_noise_does_not_show_in_the_diff()
    {
        var verified = Snapshot();
        var received = Snapshot(mean: 0.6, verdict: "inconclusive");

        var comparison = SnapshotComparer.Compare(verified, received, Derived);
        var diff = ReadableDiff.Render(Snapshots.SnapshotJson.Write(verified), Snapshots.SnapshotJson.Write(comparison.Normalised), comparison.Differences);

        Assert.Contains("\"verdict\": \"inconclusive\"", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("0.6,", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tolerance_declared_in_the_spec_is_used_and_written_into_the_snapshot()
    {
        sandbox.Edit("coin.mesa", "  policy random\n", "  policy random\n  tolerance 0.05\n");
        sandbox.TestOne("CoinRandom", new SnapshotOptions { Accept = true });
        var path = sandbox.PathOf("coin.CoinRandom.verified.json");
        var verified = Snapshots.SnapshotJson.Read(File.ReadAllText(path))!;
        Assert.Equal(0.05, verified["tolerance"]!.GetValue<double>());

        var original = File.ReadAllText(path);

        File.WriteAllText(path, Nudged(original, 0.04));
        Assert.Equal(SnapshotStatus.Matched, sandbox.TestOne("CoinRandom").Status);

        File.WriteAllText(path, Nudged(original, 0.06));
        var outcome = sandbox.TestOne("CoinRandom");
        Assert.Equal(SnapshotStatus.Changed, outcome.Status);
        Assert.Contains(outcome.Differences, d => d.Tolerance == 0.05);
    }

    /// <summary>The snapshot with its first mean moved by <paramref name="by"/>.</summary>
    private static string Nudged(string text, double by)
    {
        var snapshot = Snapshots.SnapshotJson.Read(text)!;
        var score = snapshot["points"]![0]!["evaluations"]![0]!["objectives"]![0]!["score"]!;
        score["mean"] = score["mean"]!.GetValue<double>() + by;
        return Snapshots.SnapshotJson.Write(snapshot);
    }

    public void Dispose() => sandbox.Dispose();
}
