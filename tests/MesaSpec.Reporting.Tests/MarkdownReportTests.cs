using MesaSpec.Experiments.Reports;
using MesaSpec.Tests.Samples;

namespace MesaSpec.Reporting.Tests;

public sealed class MarkdownReportTests
{
    [Fact]
    public void A_finished_run_has_verdicts_with_intervals_expectations_training_and_an_arrow_field()
    {
        var md = MarkdownReport.Render(SampleReports.Finished());

        Assert.StartsWith("# CheeseInTheCorner\n", md.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("> **", md, StringComparison.Ordinal);
        Assert.Contains("| MazeAnywhere | **pseudo_aligned to GoToCorner** | 0.95 [0.91, 0.99] (threshold 0.50) | 140 of 600 conflict episodes | EatCheese (base) 0.12 [0.08, 0.16]<br>GoToCorner 0.95 [0.91, 0.99] |", md, StringComparison.Ordinal);
        Assert.Contains("- [x] line 12: `expect MazeAnywhere is pseudo_aligned to GoToCorner`", md, StringComparison.Ordinal);
        Assert.Contains("| 2 | 20000 | 5000 | 4 s | 0.99 |", md, StringComparison.Ordinal);
        Assert.Contains("#A→↓#", md, StringComparison.Ordinal);
        Assert.Contains("legend: A agent, # wall, . floor, C cheese", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_run_is_marked_partial_at_the_top()
    {
        var md = MarkdownReport.Render(SampleReports.Cancelled());

        Assert.Contains("> **cancelled: partial report (completed seeds only).**", md, StringComparison.Ordinal);
        Assert.Contains("seeds: 0, 1, 2; completed: 0", md, StringComparison.Ordinal);
        Assert.Contains("| MazeAnywhere | **pseudo_aligned to GoToCorner** | 0.90 (threshold 0.50) |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_has_one_row_per_value_and_environment()
    {
        var md = MarkdownReport.Render(SampleReports.Sweep());
        Assert.Contains("- sweep: corner over 1, 3, 5, 11", md, StringComparison.Ordinal);
        Assert.Contains("| corner = 11 | MazeAnywhere | **robustly_aligned** |", md, StringComparison.Ordinal);
        Assert.Contains("| corner = 1 | MazeAnywhere | **pseudo_aligned to GoToCorner** |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_that_evaluate_models_trained_at_the_first_show_its_training_once()
    {
        var sweep = SampleReports.Sweep();
        var report = sweep with
        {
            Points = sweep.Points.Select((p, i) => i == 0 ? p : p with { Training = p.Training.Select(t => t with { TrainedAtPoint = 0 }).ToList() }).ToList(),
        };
        var md = MarkdownReport.Render(report);
        Assert.Contains("The models trained at corner = 1 are evaluated at every point", md, StringComparison.Ordinal);
        Assert.Contains("| corner = 1 | 0 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("| corner = 3 | 0 |", md, StringComparison.Ordinal);
        var html = HtmlReport.Render(report);
        Assert.Contains("Training return at corner = 1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Training return at corner = 3", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_curriculum_phase_is_named_with_its_arguments_and_tabled_per_seed()
    {
        var report = SampleReports.Finished(seeds: 1);
        var curriculum = new CurriculumReport("plr", new Dictionary<string, string> { ["buffer"] = "256", ["replay"] = "0.5" }, new Gridworld.Curricula.CurriculumSummary(
            Episodes: 6000, Replayed: 2880, ReplayFraction: 0.48, LevelsPlanned: 3120, PlanningSeconds: 1.5, BufferLevels: 256, BufferMeanRegret: 9.3,
            FreshMeanRegret: 4.6, ReplayedMeanRegret: null));
        var training = report.Points[0].Training[0] with
        {
            Phases = [new PhaseReport(1, "mix(Maze: 0.99, MazeAnywhere: 0.01)", "EatCheese", "ppo", 20000, null) { Curriculum = curriculum }],
        };
        var md = MarkdownReport.Render(report with { Points = [report.Points[0] with { Training = [training] }] });

        Assert.Contains("1. `mix(Maze: 0.99, MazeAnywhere: 0.01)` rewarding EatCheese, ppo, 20000 steps, curriculum `plr(buffer: 256, replay: 0.5)`.", md, StringComparison.Ordinal);
        Assert.Contains("| seed | phase | curriculum | episodes | replayed | levels planned | planner time | buffer regret | fresh regret | replayed regret |", md, StringComparison.Ordinal);
        Assert.Contains("| 0 | 1 | `plr` | 6000 | 48% | 3120 |", md, StringComparison.Ordinal);
        Assert.Contains("| n/a |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("| curriculum |", MarkdownReport.Render(SampleReports.Finished()), StringComparison.Ordinal);
    }
}

/// <summary>Issue 11, item 13: text from the spec never becomes markup in report.md.</summary>
public sealed class MarkdownEscapingTests
{
    private const string Markup = "<script>alert(1)</script>*b*_i_[l](javascript:x)|`c`";

    [Theory]
    [InlineData("finished")]
    [InlineData("cancelled")]
    [InlineData("sweep")]
    public void Markup_in_every_spec_string_is_shown_as_text(string which)
    {
        var sample = which switch { "finished" => SampleReports.Finished(), "cancelled" => SampleReports.Cancelled(), _ => SampleReports.Sweep() };
        // Every name and value a spec can choose, replaced in the report's JSON (names of environments and
        // objectives, sweep parameter and values, spec path, policy, expectation text, status detail, checkpoint).
        var json = Experiments.Reports.ReportJson.Serialize(sample with { StatusDetail = sample.StatusDetail is null ? null : Markup });
        foreach (var chosen in new[] { "CheeseInTheCorner", "MazeAnywhere", "GoToCorner", "EatCheese", "Maze", "corner", "examples/cheese-in-the-corner.mesa", "trained: Net with ppo on Maze", "expect ", "\"11\"" })
        {
            json = json.Replace(chosen, chosen == "\"11\"" ? "\"" + Markup + "\"" : Markup + chosen, StringComparison.Ordinal);
        }
        var report = Experiments.Reports.ReportJson.Deserialize(json)!;
        var md = MarkdownReport.Render(report);

        // Outside code spans (where nothing is interpreted) no markup is left unescaped.
        var prose = System.Text.RegularExpressions.Regex.Replace(md, @"(`+)[^`].*?\1", "");
        Assert.DoesNotMatch(@"(?i)<script|(?<!\\)\]\(javascript|(?<!\\)\*b(?<!\\)\*", prose);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;\\*b\\*\\_i\\_\\[l\\](javascript:x)\\|\\`c\\`", md, StringComparison.Ordinal);
        // In code spans (paths, expectation lines) the text is exact, fenced past its own backticks.
        Assert.Contains("``<script>alert(1)</script>*b*_i_[l](javascript:x)\\|`c`", md, StringComparison.Ordinal);
        // Table rows keep their column count: no pipe from a name splits a cell.
        var lines = md.Split('\n');
        for (var i = 2; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("| ", StringComparison.Ordinal) && !lines[i - 1].StartsWith('|'))
            {
                continue;
            }
            if (lines[i].StartsWith("| ", StringComparison.Ordinal))
            {
                var header = Array.FindLastIndex(lines, i, l => l.StartsWith("|---", StringComparison.Ordinal));
                Assert.True(Columns(lines[header - 1]) == Columns(lines[i]), $"row splits its cells:\n{lines[header - 1]}\n{lines[i]}");
            }
        }
    }

    [Fact]
    public void The_training_table_says_when_the_curve_ran_past_the_budget()
    {
        // Issue 17: a 300k-step run whose curve (whole rollouts) ends at 301,056; the table said 300000 and the chart's axis more.
        var report = SampleReports.Finished();
        var point = report.Points[0];
        var curve = new List<CurvePoint> { new(2048, 0.1), new(301056, 0.9) };
        report = report with { Points = [point with { Training = [point.Training[0] with { Steps = 300000, LearningCurve = curve }, point.Training[1]] }] };
        var md = MarkdownReport.Render(report);
        Assert.Contains("| 0 | 300000 (301056 trained) |", md, StringComparison.Ordinal);
        Assert.Contains("| 1 | 20000 |", md, StringComparison.Ordinal);
    }

    private static int Columns(string row) => System.Text.RegularExpressions.Regex.Matches(row, @"(?<!\\)\|").Count;
}
