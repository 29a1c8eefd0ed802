using MesaSpec.Testing.Running;

namespace MesaSpec.Testing.Tests;

/// <summary>
/// The project's own examples as a snapshot suite, through <see cref="MesaSpecVerifier"/>. A full-budget run
/// takes minutes per example, so these verify the reduced variant: the oracle of the base objective instead of
/// the trained model, one seed and 20 episodes per environment (<c>&lt;example&gt;.&lt;experiment&gt;.reduced-oracle-20ep.verified.json</c>,
/// committed beside each example). They pin the whole measurement (levels, planner, scores, conflict episodes, verdicts); the
/// expectations describe the trained model, so they are recorded in the snapshot but not required here. The
/// full-budget regression run is <c>mesaspec test examples</c> (docs/snapshot-testing.md).
/// </summary>
public sealed class ExampleSnapshotTests
{
    /// <summary>
    /// Keys and chests plans over the keys held and the items left (about half a second a level here),
    /// so it evaluates fewer levels to keep the suite quick.
    /// </summary>
    private static readonly Dictionary<string, int> EpisodesFor = new(StringComparer.Ordinal) { ["keys-and-chests.mesa"] = 4 };

    public static TheoryData<string> Examples() => new(
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "examples"), "*.mesa").Order(StringComparer.Ordinal).Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_outcomes_under_the_reference_oracle_match_their_verified_snapshots(string example)
    {
        var outcomes = await MesaSpecVerifier.VerifyAsync($"examples/{example}", new SnapshotOptions
        {
            Variant = ExperimentVariant.ReducedOracle(EpisodesFor.GetValueOrDefault(example, 20)),
            RequireExpectations = false,
        });

        Assert.All(outcomes, o => Assert.True(o.Passed, o.Summary));
    }

    /// <summary>
    /// The trainer's path through the workflow: coin-at-the-end trained for 2048 steps (seconds, not the spec's
    /// 150k), one seed, 10 episodes, scores within 0.05 (one seed has no interval to derive a margin from).
    /// Same seed and thread count give the same model, so the snapshot is stable on one machine; the declared
    /// tolerance absorbs the small differences another CPU's maths library may make.
    /// </summary>
    [Fact]
    public async Task A_briefly_trained_example_matches_its_reduced_budget_snapshot()
    {
        var variant = ExperimentVariant.ReducedBudget(steps: 2048, episodes: 10)
            .Then(new ExperimentVariant("tolerance-0.05", model => model with { Tolerance = 0.05 }));

        var outcomes = await MesaSpecVerifier.VerifyAsync("examples/coin-at-the-end.mesa", new SnapshotOptions
        {
            Variant = variant,
            Seeds = 1,
            RequireExpectations = false,
        });

        var outcome = Assert.Single(outcomes);
        Assert.True(outcome.Passed, outcome.Summary);
        Assert.EndsWith("coin-at-the-end.CoinAtTheEnd.reduced-budget-2048-10ep.tolerance-0.05.verified.json", outcome.Files.Verified, StringComparison.Ordinal);
    }

    /// <summary>
    /// Probes and steering through the whole workflow on a real TorchSharp model: cheese-probe trained for 2048 steps,
    /// one seed, 30 episodes. The snapshot pins the recorded activations' probes (scores, chance, rows and levels each
    /// side of the split, penalties) and the steered scores; scores within 0.05, as above.
    /// </summary>
    [Fact]
    public async Task A_briefly_trained_model_s_probes_and_steering_match_their_reduced_budget_snapshot()
    {
        var variant = ExperimentVariant.ReducedBudget(steps: 2048, episodes: 30)
            .Then(new ExperimentVariant("tolerance-0.05", model => model with { Tolerance = 0.05 }));

        var outcomes = await MesaSpecVerifier.VerifyAsync("examples/cheese-probe.mesa", new SnapshotOptions
        {
            Variant = variant,
            Seeds = 1,
            RequireExpectations = false,
        });

        var outcome = Assert.Single(outcomes);
        Assert.True(outcome.Passed, outcome.Summary);
        var verified = File.ReadAllText(outcome.Files.Verified);
        Assert.Contains("\"probes\"", verified, StringComparison.Ordinal);
        Assert.Contains("\"steering\"", verified, StringComparison.Ordinal);
    }

    private static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MesaSpec.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("MesaSpec.sln not found above " + AppContext.BaseDirectory);
    }
}
