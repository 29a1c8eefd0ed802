namespace MesaSpec.History.Comparison;

/// <summary>
/// One compared quantity of two runs. <see cref="Matters"/> marks a difference a researcher should look at:
/// a verdict or proxy that changed, a score whose confidence intervals no longer overlap (or, with one seed
/// and no interval, that moved by at least <see cref="RunComparer.SingleSeedScoreChange"/>), an expectation
/// that flipped, a different status.
/// </summary>
public sealed record ComparisonRow(string Section, string Label, string Before, string After, string? Change, bool Matters);

/// <summary>Two runs side by side: the rows, and the lines of the spec that changed between them.</summary>
public sealed record RunComparison(
    StoredRun Before,
    StoredRun After,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<string> SpecChanges)
{
    public int DifferencesThatMatter => Rows.Count(r => r.Matters);

    /// <summary>The closing line of every form of the comparison (terminal, page).</summary>
    public string Summary => DifferencesThatMatter switch
    {
        0 => "no differences that matter (verdicts agree, score intervals overlap, same expectations hold)",
        1 => "1 difference that matters (marked !)",
        var n => $"{n} differences that matter (marked !)",
    };
}
