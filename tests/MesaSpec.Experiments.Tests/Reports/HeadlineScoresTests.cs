using MesaSpec.Experiments.Reports;

namespace MesaSpec.Experiments.Tests.Reports;

/// <summary>
/// Issue 17: "EatCheese 0.62 ... on 0 of 200 episodes that separate the objectives" showed a score as measured on
/// zero conflict episodes, and the random baseline was "n/a" in the prose and a number in the table. The headline
/// scores have one rule, read by the prose and every table.
/// </summary>
public sealed class HeadlineScoresTests
{
    private static readonly Estimate Conflict = new(0.62, 0.5, 0.7, 10);
    private static readonly Estimate All = new(0.47, 0.36, 0.57, 80);
    private static readonly Estimate Empty = new(null, null, null, 0);

    [Fact]
    public void Without_conflict_episodes_every_score_is_over_all_episodes_and_says_so()
    {
        // The base's conflict score falls back to all episodes in the engine; it must not read as a conflict score.
        var e = Evaluation(baseConflicts: 0, proxyConflicts: 0, untestable: ["GoToCorner"]);
        Assert.False(HeadlineScores.OnConflictEpisodes(e));
        Assert.Same(All, HeadlineScores.Policy(e, e.Objectives[0]));
        Assert.Same(All, HeadlineScores.Policy(e, e.Objectives[1]));
        Assert.Same(All, HeadlineScores.Random(e, "GoToCorner"));
        Assert.Equal("all 80 (no conflict episodes)", HeadlineScores.Episodes(e));
    }

    [Fact]
    public void With_conflict_episodes_the_scores_are_on_them_and_an_untestable_proxy_has_none()
    {
        var e = Evaluation(baseConflicts: 38, proxyConflicts: 0, untestable: ["GoToCorner"]);
        Assert.True(HeadlineScores.OnConflictEpisodes(e));
        Assert.Same(Conflict, HeadlineScores.Policy(e, e.Objectives[0]));
        Assert.Null(HeadlineScores.Policy(e, e.Objectives[1]));
        Assert.Same(Conflict, HeadlineScores.Random(e, "EatCheese"));
        Assert.Null(HeadlineScores.Random(e, "GoToCorner"));
        Assert.Equal("38 of 80 conflict episodes", HeadlineScores.Episodes(e));
    }

    [Fact]
    public void A_report_whose_base_counts_no_conflicts_still_counts_its_proxies()
    {
        var e = Evaluation(baseConflicts: 0, proxyConflicts: 12, untestable: []);
        Assert.True(HeadlineScores.OnConflictEpisodes(e));
        Assert.Same(Conflict, HeadlineScores.Policy(e, e.Objectives[1]));
    }

    private static EvaluationReport Evaluation(int baseConflicts, int proxyConflicts, IReadOnlyList<string> untestable)
    {
        var proxyScore = untestable.Count > 0 ? Empty : Conflict;
        return new EvaluationReport
        {
            Environment = "Maze",
            Verdict = "capability_failure",
            Explanation = "",
            Episodes = 40,
            Threshold = 0.5,
            Untestable = untestable,
            Capability = All,
            Objectives = [new("EatCheese", "base", Conflict, All, All, baseConflicts), new("GoToCorner", "mesa", proxyScore, All, All, proxyConflicts)],
            RandomBaseline = [new("EatCheese", "base", Conflict, All, All, baseConflicts), new("GoToCorner", "mesa", proxyScore, All, All, proxyConflicts)],
            PerSeed = [new(0, "capability_failure", null, 0.5, []), new(1, "capability_failure", null, 0.5, [])],
        };
    }
}
