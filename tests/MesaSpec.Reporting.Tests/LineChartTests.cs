using System.Text.RegularExpressions;
using MesaSpec.Reporting.Charts;

namespace MesaSpec.Reporting.Tests;

public sealed class LineChartTests
{
    [Fact]
    public void The_x_axis_ends_where_the_data_ends()
    {
        // A 301,056-step learning curve: ticks 0, 100k, 200k, 300k, never an axis running on to 400k.
        var points = Enumerable.Range(0, 148).Select(i => new SeriesPoint(2048.0 * (i + 1), i * 0.01)).ToList();
        var svg = LineChart.Render("learning curve", "environment steps", "return", [new LineSeries("seed 0", "#000", points)]);
        var ticks = Regex.Matches(svg, @">(\d+(?:\.\d+)?)(k|M)?<").Select(m => m.Groups[1].Value + m.Groups[2].Value).ToList();
        Assert.Contains("300k", ticks);
        Assert.DoesNotContain("400k", ticks);
    }
}

public sealed class PictureLegendTests
{
    [Fact]
    public void The_caption_names_what_the_picture_draws_not_the_ascii_symbols()
    {
        Assert.Equal("A agent, C cheese; dark cells are walls", HtmlReport.PictureLegend("legend: A agent, # wall, . floor, C cheese"));
    }
}
