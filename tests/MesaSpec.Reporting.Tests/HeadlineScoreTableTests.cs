using System.Text.RegularExpressions;
using MesaSpec.Experiments.Reports;
using MesaSpec.Tests.Samples;

namespace MesaSpec.Reporting.Tests;

/// <summary>
/// Issue 17: a score shown as measured on zero conflict episodes, and the random baseline read from one place in
/// the prose and another in the table. Both documents and the score bars take the headline scores from
/// <see cref="HeadlineScores"/> and say which episodes they are on.
/// </summary>
public sealed class HeadlineScoreTableTests
{
    /// <summary>The sample run with Maze as the training distribution is: no level separates the objectives.</summary>
    private static RunReport WithoutConflictsOnMaze()
    {
        var report = SampleReports.Finished();
        var point = report.Points[0];
        var maze = point.Evaluations[0];
        static ObjectiveScore NoConflicts(ObjectiveScore o) => o with
        {
            ConflictEpisodes = 0,
            Score = o.Role == "base" ? o.ScoreAll : new Estimate(null, null, null, 0),
        };
        var without = maze with
        {
            Untestable = ["GoToCorner"],
            Objectives = [.. maze.Objectives.Select(NoConflicts)],
            RandomBaseline = [.. maze.RandomBaseline.Select(NoConflicts)],
        };
        return report with { Points = [point with { Evaluations = [without, point.Evaluations[1]] }] };
    }

    [Fact]
    public void The_markdown_table_says_the_scores_are_over_all_episodes_where_none_separates_the_objectives()
    {
        var md = MarkdownReport.Render(WithoutConflictsOnMaze());
        var maze = md.Split('\n').Single(l => l.StartsWith("| Maze |", StringComparison.Ordinal));
        Assert.Contains("| all 600 (no conflict episodes) |", maze, StringComparison.Ordinal);
        // The base's conflict score is the all-episodes one there (0.99, not a conflict score of 0.97); the random policy's is too (0.06).
        Assert.Contains("EatCheese (base) 0.99 [0.95, 1.03]", maze, StringComparison.Ordinal);
        Assert.Contains("EatCheese 0.06", maze, StringComparison.Ordinal);
        var anywhere = md.Split('\n').Single(l => l.StartsWith("| MazeAnywhere |", StringComparison.Ordinal));
        Assert.Contains("| 140 of 600 conflict episodes |", anywhere, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_table_and_score_bars_say_which_episodes_they_are_on()
    {
        var html = HtmlReport.Render(WithoutConflictsOnMaze());
        Assert.Contains("<td rowspan=\"2\">all 600 (no conflict episodes)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td rowspan=\"2\">140 of 600 conflict episodes</td>", html, StringComparison.Ordinal);
        var bars = Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline).Select(m => m.Value).Where(s => s.Contains("Scores on ", StringComparison.Ordinal)).ToList();
        Assert.Contains("objective (scored on all episodes)", bars.Single(b => b.Contains("Scores on Maze<", StringComparison.Ordinal) || b.Contains("Scores on Maze\"", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("objective (scored on conflict episodes)", bars.Single(b => b.Contains("Scores on MazeAnywhere", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_no_conflict_episode_separates_is_not_testable_rather_than_scored_on_all_episodes()
    {
        // Conflict episodes on MazeAnywhere for one proxy, none for another: the second one's all-episodes score
        // must not stand in the conflict column.
        var report = SampleReports.Finished();
        var point = report.Points[0];
        var anywhere = point.Evaluations[1];
        var idle = new ObjectiveScore("StandStill", "mesa", new Estimate(null, null, null, 0), new Estimate(0.33, 0.3, 0.36, 600), new Estimate(0.33, 0.3, 0.36, 600), 0);
        var changed = anywhere with
        {
            Untestable = ["StandStill"],
            Objectives = [.. anywhere.Objectives, idle],
            RandomBaseline = [.. anywhere.RandomBaseline, idle with { ScoreAll = new Estimate(0.31, null, null, 1) }],
        };
        report = report with { Points = [point with { Evaluations = [point.Evaluations[0], changed] }] };
        var md = MarkdownReport.Render(report);
        var row = md.Split('\n').Single(l => l.StartsWith("| MazeAnywhere |", StringComparison.Ordinal));
        Assert.Contains("StandStill not testable here", row, StringComparison.Ordinal);
        Assert.DoesNotContain("0.33", row, StringComparison.Ordinal);
        Assert.DoesNotContain("0.31", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">not testable here</td>", HtmlReport.Render(report), StringComparison.Ordinal);
    }
}
