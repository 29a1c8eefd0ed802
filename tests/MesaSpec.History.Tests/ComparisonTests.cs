using MesaSpec.History.Comparison;
using MesaSpec.Tests.Samples;

namespace MesaSpec.History.Tests;

public sealed class ComparisonTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Widening_the_training_corner_shows_the_verdict_scores_expectation_and_spec_line_that_changed()
    {
        using var store = RunStore.Open(folder.Database);
        var before = store.Begin(RunStoreTests.Start("env Maze {\n  corner: 1\n}\nexperiment CheeseInTheCorner {}\n"));
        store.Record(before, SampleReports.Finished(cheeseScore: 0.12, cornerScore: 0.95, verdict: "pseudo_aligned"));
        var after = store.Begin(RunStoreTests.Start("env Maze {\n  corner: 11\n}\nexperiment CheeseInTheCorner {}\n"));
        store.Record(after, SampleReports.Finished(cheeseScore: 0.69, cornerScore: 0.30, verdict: "robustly_aligned"));

        var comparison = RunComparer.Compare(store.Find(before)!, store.Find(after)!);
        var text = ComparisonText.Render(comparison);

        Assert.Contains(comparison.Rows, r => r.Label == "MazeAnywhere verdict" && r.Matters
            && r.Before == "pseudo_aligned(GoToCorner)" && r.After == "robustly_aligned");
        Assert.Contains(comparison.Rows, r => r.Label == "MazeAnywhere EatCheese" && r.Matters && r.Change == "+0.57");
        Assert.Contains(comparison.Rows, r => r.Label == "Maze verdict" && !r.Matters);
        Assert.Contains(comparison.Rows, r => r.Label == "Maze EatCheese" && !r.Matters);
        Assert.Contains(comparison.Rows, r => r.Section == "expectations" && r.Matters && r.Before == "passed" && r.After == "failed");
        Assert.Equal(["-   corner: 1", "+   corner: 11   (line 2)"], comparison.SpecChanges);
        Assert.Equal(5, comparison.DifferencesThatMatter);

        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("! MazeAnywhere verdict", StringComparison.Ordinal)
            && l.Contains("pseudo_aligned(GoToCorner)", StringComparison.Ordinal) && l.Contains("robustly_aligned", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  Maze verdict", StringComparison.Ordinal));
        Assert.Contains("spec changes", text, StringComparison.Ordinal);
        Assert.Contains("5 differences that matter (marked !)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_narrow_terminal_each_quantity_is_a_block_and_no_line_is_wider_than_it()
    {
        // Issue 17: CLI tables never wrap a word mid-word; the aligned comparison is ~90 columns wide.
        using var store = RunStore.Open(folder.Database);
        var before = store.Begin(RunStoreTests.Start());
        store.Record(before, SampleReports.Finished(cheeseScore: 0.12, cornerScore: 0.95, verdict: "pseudo_aligned"));
        var after = store.Begin(RunStoreTests.Start());
        store.Record(after, SampleReports.Finished(cheeseScore: 0.69, cornerScore: 0.30, verdict: "robustly_aligned"));
        var comparison = RunComparer.Compare(store.Find(before)!, store.Find(after)!);

        var wide = ComparisonText.Render(comparison, width: 300).Split('\n');
        Assert.Contains(wide, l => l.StartsWith("! MazeAnywhere verdict", StringComparison.Ordinal) && l.Contains("robustly_aligned", StringComparison.Ordinal));
        var narrow = ComparisonText.Render(comparison, width: 50).Split('\n');
        Assert.All(narrow, l => Assert.True(l.Length <= 50, $"{l.Length} columns: {l}"));
        var at = Array.IndexOf(narrow, "! MazeAnywhere verdict");
        Assert.True(at >= 0, string.Join('\n', narrow));
        Assert.Equal($"    run {before}: pseudo_aligned(GoToCorner)", narrow[at + 1]);
        Assert.Equal($"    run {after}: robustly_aligned", narrow[at + 2]);
    }

    [Fact]
    public void Two_runs_of_the_same_spec_with_overlapping_intervals_have_no_differences_that_matter()
    {
        using var store = RunStore.Open(folder.Database);
        var a = store.Begin(RunStoreTests.Start());
        store.Record(a, SampleReports.Finished(cheeseScore: 0.12));
        var b = store.Begin(RunStoreTests.Start());
        store.Record(b, SampleReports.Finished(cheeseScore: 0.15));

        var comparison = RunComparer.Compare(store.Find(a)!, store.Find(b)!);

        Assert.Equal(0, comparison.DifferencesThatMatter);
        Assert.Empty(comparison.SpecChanges);
        Assert.Contains("no differences that matter", ComparisonText.Render(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_holds_the_spec_text_and_the_report()
    {
        using var store = RunStore.Open(folder.Database);
        var id = store.Begin(RunStoreTests.Start());
        store.Record(id, SampleReports.Finished());
        var json = System.Text.Json.JsonDocument.Parse(RunExport.ToJson(store.Find(id)!)).RootElement;
        Assert.Equal("experiment CheeseInTheCorner {}", json.GetProperty("spec").GetProperty("text").GetString());
        Assert.Equal("pseudo_aligned", json.GetProperty("report").GetProperty("evaluations")[1].GetProperty("verdict").GetString());
        Assert.Equal("finished", json.GetProperty("status").GetString());
    }
}
