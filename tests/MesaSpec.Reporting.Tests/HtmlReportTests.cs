using System.Text.RegularExpressions;
using MesaSpec.Tests.Samples;

namespace MesaSpec.Reporting.Tests;

public sealed class HtmlReportTests
{
    [Fact]
    public void A_finished_run_has_the_verdict_table_scores_learning_curves_and_behaviour()
    {
        var html = HtmlReport.Render(SampleReports.Finished());

        Assert.Contains("<h1 id=\"experiment\">CheeseInTheCorner</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"banner", html, StringComparison.Ordinal);
        Assert.Contains("pseudo_aligned to GoToCorner", html, StringComparison.Ordinal);
        Assert.Contains("0.12 [0.08, 0.16]", html, StringComparison.Ordinal);
        Assert.Contains("Scores on MazeAnywhere", html, StringComparison.Ordinal);
        Assert.Contains("Training return per seed", html, StringComparison.Ordinal);
        Assert.Contains("MazeAnywhere: level 7, seed 0 (conflict level)", html, StringComparison.Ordinal);
        Assert.Contains("holds</span> line 12", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sweep over", html, StringComparison.Ordinal);
        // Two evaluation environments: two score charts, two behaviour pictures, one learning-curve chart.
        Assert.Equal(5, Regex.Count(html, "<svg "));
    }

    [Fact]
    public void Every_plot_has_a_title_and_both_axis_labels()
    {
        var html = HtmlReport.Render(SampleReports.Sweep());
        var plots = Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.NotEmpty(plots);
        foreach (var plot in plots)
        {
            Assert.Matches("<title>[^<]+</title>", plot);
            // Frame: the title, the x label (middle, at the bottom) and the y label rotated by -90 degrees.
            Assert.Matches("font-weight=\"bold\">[^<]+</text>", plot);
            Assert.Matches("transform=\"rotate\\(-90 [^\"]+\">[^<]+</text>", plot);
        }
        Assert.Contains("normalised score (1 = optimal)", html, StringComparison.Ordinal);
        Assert.Contains("environment steps", html, StringComparison.Ordinal);
        Assert.Contains("column (cells)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_run_says_it_is_partial_and_shows_what_completed()
    {
        var html = HtmlReport.Render(SampleReports.Cancelled());

        Assert.Contains("class=\"banner cancelled\">cancelled: partial report (completed seeds only)", html, StringComparison.Ordinal);
        Assert.Contains("(completed: 0)", html, StringComparison.Ordinal);
        Assert.Contains("cancelled before every seed finished", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_shows_the_verdict_and_scores_against_the_swept_value()
    {
        var html = HtmlReport.Render(SampleReports.Sweep());

        Assert.Contains("Sweep over corner", html, StringComparison.Ordinal);
        Assert.Contains("MazeAnywhere: scores against corner", html, StringComparison.Ordinal);
        Assert.Contains(">PA</text>", html, StringComparison.Ordinal);
        Assert.Contains(">RA</text>", html, StringComparison.Ordinal);
        Assert.Contains("<th>corner</th>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("finished")]
    [InlineData("cancelled")]
    [InlineData("sweep")]
    public void The_page_loads_nothing_from_the_network(string which)
    {
        var report = which switch { "finished" => SampleReports.Finished(), "cancelled" => SampleReports.Cancelled(), _ => SampleReports.Sweep() };
        var html = HtmlReport.Render(report with { Experiment = "Evil<script src=\"https://x.example/a.js\"></script>" });

        var csp = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">");
        Assert.True(csp.Success, "a CSP meta tag is present");
        Assert.StartsWith("default-src 'none'", csp.Groups[1].Value, StringComparison.Ordinal);
        // Scripts: only the episode browser's, by its hash (EpisodeBrowserTests); never a source or 'unsafe-inline'.
        Assert.Matches("script-src 'sha256-[A-Za-z0-9+/=]+';", csp.Groups[1].Value);
        Assert.True(html.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < html.IndexOf("<style>", StringComparison.Ordinal),
            "the policy comes before anything it governs");
        Assert.DoesNotMatch("(?i)\\b(src|href|xlink:href|action|srcset|poster|data)\\s*=\\s*[\"']?\\s*(https?:)?//", html);
        Assert.DoesNotMatch("(?i)url\\(|@import", html);
        Assert.DoesNotMatch("(?i)<(script|iframe|object|embed|link|img|base)\\b", html);
    }
}
