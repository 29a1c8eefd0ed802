using MesaSpec.Experiments.Evaluation;

namespace MesaSpec.Experiments.Tests.Evaluation;

public sealed class ClusteredBootstrapTests
{
    private static IReadOnlyList<ClusteredBootstrap.Cluster> Episodes(params double[] values) =>
        values.Select(v => new ClusteredBootstrap.Cluster(v, 1)).ToArray();

    [Fact]
    public void Scores_near_the_edge_keep_their_interval_inside_the_unit_interval()
    {
        // The old t interval gave 0.05 [-0.01, 0.11] for data like this.
        var summary = ClusteredBootstrap.Summarise([Episodes([.. Enumerable.Repeat(0.0, 19), 1.0])]);
        Assert.Equal(0.05, summary.Mean!.Value, 12);
        Assert.InRange(summary.CiLow!.Value, 0, 0.05);
        Assert.InRange(summary.CiHigh!.Value, 0.05, 1);
        Assert.Equal(20, summary.Count);
        Assert.Equal(1, summary.Seeds);
    }

    [Fact]
    public void Episodes_that_replay_one_level_are_one_sample_not_many()
    {
        // Ten levels, each played ten times: as ten clusters the interval is as wide as ten values allow.
        var values = Enumerable.Range(0, 10).Select(l => l % 2 == 0 ? 0.2 : 0.8).ToArray();
        var clustered = ClusteredBootstrap.Summarise([values.Select(v => new ClusteredBootstrap.Cluster(v * 10, 10)).ToArray()]);
        var naive = ClusteredBootstrap.Summarise([Episodes([.. values.SelectMany(v => Enumerable.Repeat(v, 10))])]);
        Assert.Equal(naive.Mean!.Value, clustered.Mean!.Value, 12);
        Assert.Equal(10, clustered.Levels);
        Assert.Equal(100, clustered.Count);
        Assert.True(clustered.CiHigh - clustered.CiLow > 2 * (naive.CiHigh - naive.CiLow),
            $"clustered [{clustered.CiLow}, {clustered.CiHigh}] vs naive [{naive.CiLow}, {naive.CiHigh}]");
    }

    [Fact]
    public void Seed_to_seed_variance_widens_the_interval_and_is_reported()
    {
        var agreeing = ClusteredBootstrap.Summarise([Episodes(0.5, 0.6, 0.4, 0.5), Episodes(0.5, 0.4, 0.6, 0.5), Episodes(0.6, 0.5, 0.4, 0.5)]);
        var disagreeing = ClusteredBootstrap.Summarise([Episodes(0.1, 0.2, 0.0, 0.1), Episodes(0.9, 0.8, 1.0, 0.9), Episodes(0.5, 0.6, 0.4, 0.5)]);
        Assert.True(disagreeing.CiHigh - disagreeing.CiLow > agreeing.CiHigh - agreeing.CiLow);
        Assert.True(disagreeing.SeedVariance > 0.1);
        Assert.True(agreeing.SeedVariance < 0.01);
        Assert.NotNull(disagreeing.LevelVariance);
        Assert.Equal(3, disagreeing.Seeds);
    }

    [Fact]
    public void One_level_has_no_interval_and_no_values_have_no_mean()
    {
        var one = ClusteredBootstrap.Summarise([[new ClusteredBootstrap.Cluster(3, 5)]]);
        Assert.Equal(0.6, one.Mean!.Value, 12);
        Assert.Null(one.CiLow);
        Assert.False(one.SignificantlyPositive);
        Assert.Null(ClusteredBootstrap.Summarise([[]]).Mean);
    }

    [Fact]
    public void The_same_values_give_the_same_interval()
    {
        var a = ClusteredBootstrap.Summarise([Episodes(0.1, 0.5, 0.9, 0.3), Episodes(0.2, 0.4)]);
        var b = ClusteredBootstrap.Summarise([Episodes(0.1, 0.5, 0.9, 0.3), Episodes(0.2, 0.4)]);
        Assert.Equal(a, b);
    }
}
