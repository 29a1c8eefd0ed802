using System.Text;

namespace MesaSpec.History.Comparison;

/// <summary>
/// The comparison as aligned plain text for the terminal: one line per quantity, both runs side by side,
/// a leading '!' on the differences that matter, then the spec lines that changed. On a terminal narrower than
/// those lines (<c>width</c>), each quantity is a block instead: its label, then each run's value and the change
/// on lines of their own, so the terminal never breaks a value across lines.
/// </summary>
public static class ComparisonText
{
    public static string Render(RunComparison comparison, int? width = null)
    {
        var text = new StringBuilder();
        var rows = comparison.Rows;
        var labelWidth = Math.Max(12, rows.Max(r => r.Label.Length));
        var beforeWidth = Math.Max(12, rows.Max(r => r.Before.Length));
        var afterWidth = Math.Max(12, rows.Max(r => r.After.Length));
        var stacked = width is { } columns && labelWidth + beforeWidth + afterWidth + rows.Max(r => r.Change?.Length ?? 0) + 8 > columns;
        string Stacked(string text) => string.Join('\n', WordWrap.Lines(text, width!.Value, "      "));
        string Line(string mark, string label, string a, string b, string? change) => stacked
            ? Stacked($"{mark} {label}") + "\n" + Stacked($"    run {comparison.Before.Id}: {a}") + "\n" + Stacked($"    run {comparison.After.Id}: {b}")
                + (change is null ? "" : "\n" + Stacked($"    change: {change}"))
            : $"{mark} {label.PadRight(labelWidth)}  {a.PadRight(beforeWidth)}  {b.PadRight(afterWidth)}  {change}".TrimEnd();

        if (!stacked)
        {
            text.AppendLine(Line(" ", "", $"run {comparison.Before.Id}", $"run {comparison.After.Id}", null));
        }
        string? section = null;
        foreach (var row in rows)
        {
            if (row.Section != section)
            {
                section = row.Section;
                if (section != "run")
                {
                    text.AppendLine().AppendLine(section);
                }
            }
            text.AppendLine(Line(row.Matters ? "!" : " ", row.Label, row.Before, row.After, row.Change));
        }
        if (comparison.SpecChanges.Count > 0)
        {
            text.AppendLine().AppendLine("spec changes");
            foreach (var line in comparison.SpecChanges)
            {
                text.Append("  ").AppendLine(line);
            }
        }
        text.AppendLine();
        text.AppendLine(comparison.Summary);
        return text.ToString();
    }
}
