using System.Text.RegularExpressions;
using MesaSpec.Experiments.Reports;
using MesaSpec.Tests.Samples;

namespace MesaSpec.Reporting.Tests;

/// <summary>Issue 17: the report draws, per environment and objective, where the agent was relative to its target.</summary>
public sealed class VisitMapPictureTests
{
    [Fact]
    public void Each_objective_s_map_is_drawn_with_offsets_from_the_centre_and_counts_on_hover()
    {
        var report = SampleReports.Finished();
        var point = report.Points[0];
        int[] counts = [0, 0, 0, 1, 6, 0, 0, 3, 0]; // 2 x 2 levels: offsets -1..1
        VisitMap[] maps = [new("EatCheese", 3, counts), new("GoToCorner", 3, counts)];
        var withMaps = report with { Points = [point with { Evaluations = [.. point.Evaluations.Select(e => e with { VisitMaps = maps })] }] };
        var html = HtmlReport.Render(withMaps);

        Assert.Contains("<h2>Where the agent goes, relative to each target</h2>", html, StringComparison.Ordinal);
        Assert.Contains("MazeAnywhere: the agent relative to GoToCorner&#39;s target", html, StringComparison.Ordinal);
        Assert.Contains("(-1, 0) from the target: 1 step(s), 10.0%", html, StringComparison.Ordinal);
        Assert.Contains("(0, +1) from the target: 3 step(s)", html, StringComparison.Ordinal);
        Assert.Contains("10 steps; 60.0% on the target", html, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(HtmlReport.Render(report), "<svg ") + 2 * point.Evaluations.Count, Regex.Count(html, "<svg "));
        Assert.DoesNotContain("relative to each target", HtmlReport.Render(report), StringComparison.Ordinal);
    }
}
