using System.Text;

namespace MesaSpec.History.Comparison;

/// <summary>
/// The comparison as aligned plain text for the terminal: one line per quantity, both runs side by side,
/// a leading '!' on the differences that matter, then the spec lines that changed.
/// </summary>
public static class ComparisonText
{
    public static string Render(RunComparison comparison)
    {
        var text = new StringBuilder();
        var rows = comparison.Rows;
        var labelWidth = Math.Max(12, rows.Max(r => r.Label.Length));
        var beforeWidth = Math.Max(12, rows.Max(r => r.Before.Length));
        var afterWidth = Math.Max(12, rows.Max(r => r.After.Length));
        string Line(string mark, string label, string a, string b, string? change) =>
            $"{mark} {label.PadRight(labelWidth)}  {a.PadRight(beforeWidth)}  {b.PadRight(afterWidth)}  {change}".TrimEnd();

        text.AppendLine(Line(" ", "", $"run {comparison.Before.Id}", $"run {comparison.After.Id}", null));
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
