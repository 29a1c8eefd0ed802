using MesaSpec.Experiments.Evaluation;

namespace MesaSpec.Experiments.Tests.Evaluation;

/// <summary>Which episodes the episode browser keeps: bounded, up to half on conflict levels, in episode order.</summary>
public sealed class EpisodeSampleTests
{
    [Theory]
    [InlineData("cccccooooo", 4, "0,1,5,6")]
    [InlineData("coooooooo", 4, "0,1,2,3")]
    [InlineData("ccccccco", 4, "0,1,2,7")]
    [InlineData("cc", 5, "0,1")]
    [InlineData("oooc", 3, "0,1,3")]
    [InlineData("cccc", 0, "")]
    public void Half_conflict_then_the_others_each_in_episode_order(string levels, int count, string expected)
    {
        var conflicts = levels.Select(c => c == 'c').ToArray();
        var scores = new EpisodeScores(1, levels.Length);
        var chosen = EpisodeSample.Choose(7, conflicts, scores, count);
        Assert.Equal(expected, string.Join(",", chosen.Select(e => e.Episode)));
        Assert.All(chosen, e => Assert.Equal((7, conflicts[e.Episode]), (e.Seed, e.Conflict)));
    }
}
