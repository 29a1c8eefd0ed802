using MesaSpec.Experiments.Reports;
using MesaSpec.Tests.Samples;

namespace MesaSpec.Reporting.Tests;

/// <summary>report.md and report.html show probes against chance and steering changes, and say nothing of either when a run has none.</summary>
public sealed class ProbeSectionTests
{
    private static Estimate E(double mean, double low, double high) => new(mean, low, high, 3, Seeds: 3);

    private static RunReport Probed()
    {
        var report = SampleReports.Finished();
        var point = report.Points[0] with
        {
            Probes =
            [
                new ProbeReport
                {
                    Environment = "MazeAnywhere", Probe = "CheeseCell", Feature = "cell_of(EatCheese)", Layer = 2, Measure = "accuracy",
                    Score = E(0.65, 0.54, 0.77), Chance = E(0.04, 0.01, 0.07), Gain = E(0.61, 0.47, 0.76), PerSeed = [],
                },
            ],
            Steering =
            [
                new SteeringReport
                {
                    Environment = "MazeAnywhere", Probe = "CheeseNearer", Layer = 2, Scale = 4,
                    Objectives = [new SteeredObjective("GoToCorner", E(0.71, 0.66, 0.76), E(0.67, 0.62, 0.72), E(-0.04, -0.07, -0.01))],
                },
            ],
        };
        return report with { Points = [point] };
    }

    [Fact]
    public void Markdown_has_a_probe_row_against_chance_and_a_steering_row_with_the_change()
    {
        var md = MarkdownReport.Render(Probed());

        Assert.Contains("| MazeAnywhere | CheeseCell | `cell_of(EatCheese)` | 2 | accuracy | 0.65 [0.54, 0.77] | 0.04 [0.01, 0.07] | 0.61 [0.47, 0.76] |", md, StringComparison.Ordinal);
        Assert.Contains("| MazeAnywhere | CheeseNearer | 2 | 4 | GoToCorner 0.71 [0.66, 0.76] | GoToCorner 0.67 [0.62, 0.72] | GoToCorner -0.04 [-0.07, -0.01] |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_has_both_tables_and_a_run_without_probes_has_neither_section()
    {
        var html = HtmlReport.Render(Probed());
        var plain = MarkdownReport.Render(SampleReports.Finished());

        Assert.Contains("<h2>Probes</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td><code>cell_of(EatCheese)</code></td>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Steering</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("## Probes", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("## Steering", plain, StringComparison.Ordinal);
    }
}
