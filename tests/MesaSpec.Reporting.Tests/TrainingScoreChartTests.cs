using System.Text.RegularExpressions;
using MesaSpec.Experiments.Reports;
using MesaSpec.Tests.Samples;

namespace MesaSpec.Reporting.Tests;

/// <summary>Issue 17: scores over training are drawn per evaluation environment, one line per candidate.</summary>
public sealed class TrainingScoreChartTests
{
    [Fact]
    public void A_run_with_scores_over_training_draws_one_chart_per_environment()
    {
        var report = SampleReports.Finished();
        var point = report.Points[0];
        TrainingScorePoint At(long step, string environment, double cheese, double corner) =>
            new(step, environment, [new ObjectiveScoreAt("EatCheese", cheese), new ObjectiveScoreAt("GoToCorner", corner)]);
        var training = point.Training.Select((t, i) => t with
        {
            ScoresOverTraining = [At(0, "Maze", 0.1, 0.1), At(0, "MazeAnywhere", 0.1, 0.1 + i * 0.01),
                At(1000, "Maze", 0.6, 0.6), At(1000, "MazeAnywhere", 0.1, 0.7)],
        }).ToList();
        var html = HtmlReport.Render(report with { Points = [point with { Training = training }] });

        Assert.Contains("Scores over training on Maze", html, StringComparison.Ordinal);
        Assert.Contains("Scores over training on MazeAnywhere", html, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(HtmlReport.Render(report), "<svg ") + 2, Regex.Count(html, "<svg "));
        Assert.Contains($"mean of {training.Count} seed(s)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_them_draws_none() =>
        Assert.DoesNotContain("Scores over training", HtmlReport.Render(SampleReports.Finished()), StringComparison.Ordinal);
}
