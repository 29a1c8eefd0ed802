using System.Text.RegularExpressions;
using MesaSpec.Tests.Samples;

namespace MesaSpec.Reporting.Tests;

/// <summary>Issue 17: the report draws where the episodes ended, per environment, when the report has the map.</summary>
public sealed class EndMapPictureTests
{
    [Fact]
    public void Each_environment_with_a_map_gets_a_heat_map_with_counts_on_hover()
    {
        var report = SampleReports.Finished();
        var point = report.Points[0];
        int[][] map = [[0, 0, 5], [1, 0, 0], [0, 0, 2]];
        var withMaps = report with { Points = [point with { Evaluations = [.. point.Evaluations.Select(e => e with { EndMap = map })] }] };
        var html = HtmlReport.Render(withMaps);

        Assert.Contains("<h2>Where the episodes end</h2>", html, StringComparison.Ordinal);
        Assert.Contains("MazeAnywhere: where the 8 episodes end", html, StringComparison.Ordinal);
        Assert.Contains("(2, 0): 5 episode(s), 62", html, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(HtmlReport.Render(report), "<svg ") + point.Evaluations.Count, Regex.Count(html, "<svg "));
        Assert.DoesNotContain("Where the episodes end", HtmlReport.Render(report), StringComparison.Ordinal);
    }
}
