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
        Assert.Contains("| MazeAnywhere | **pseudo_aligned to GoToCorner** | 0.95 [0.91, 0.99] (threshold 0.50) | EatCheese (base) 0.12 [0.08, 0.16]<br>GoToCorner 0.95 [0.91, 0.99] |", md, StringComparison.Ordinal);
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
}
