using System.Globalization;
using System.Net;
using System.Text;

namespace MesaSpec.History.Comparison;

/// <summary>
/// The comparison as a self-contained page (<c>mesaspec runs compare A B --out FILE.html</c>): the same rows as the
/// terminal's, side by side in a table that scrolls inside itself, the differences that matter highlighted, then
/// the spec lines that changed. Loads nothing and runs no script, like report.html.
/// </summary>
public static class ComparisonHtml
{
    public static string Render(RunComparison comparison)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var (before, after) = (comparison.Before, comparison.After);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(CultureInfo.InvariantCulture, $"<title>run {before.Id} vs run {after.Id}</title><style>{Style}</style></head><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>Run {before.Id} against run {after.Id}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(before.Summary.Experiment)}, started {E(Started(before))} and {E(Started(after))}. ")
            .Append(E(comparison.Summary)).Append("</p>\n")
            .Append("<div class=\"scroll\"><table><thead><tr><th></th><th>quantity</th>")
            .Append(CultureInfo.InvariantCulture, $"<th>run {before.Id}</th><th>run {after.Id}</th><th>change</th></tr></thead><tbody>\n");
        string? section = null;
        foreach (var row in comparison.Rows)
        {
            if (row.Section != section)
            {
                section = row.Section;
                html.Append("<tr class=\"section\"><th colspan=\"5\">").Append(E(section)).Append("</th></tr>\n");
            }
            html.Append(row.Matters ? "<tr class=\"matters\"><td title=\"a difference that matters\">!</td>" : "<tr><td></td>")
                .Append("<td>").Append(E(row.Label)).Append("</td><td class=\"num\">").Append(E(row.Before))
                .Append("</td><td class=\"num\">").Append(E(row.After)).Append("</td><td>").Append(E(row.Change)).Append("</td></tr>\n");
        }
        html.Append("</tbody></table></div>\n");
        if (comparison.SpecChanges.Count > 0)
        {
            html.Append("<h2>Spec changes</h2>\n<pre>");
            foreach (var line in comparison.SpecChanges)
            {
                html.Append(E(line)).Append('\n');
            }
            html.Append("</pre>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static string Started(StoredRun run) => run.Summary.StartedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 1.5em; max-width: 1200px; color: #222; overflow-wrap: break-word; }
        .muted { color: #666; } .scroll { max-width: 100%; overflow-x: auto; }
        table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
        td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.section th { background: #f2f2f2; } tr.matters td { background: #fff1e0; font-weight: 600; }
        pre { background: #f6f6f6; padding: 8px; overflow-x: auto; }
        """;
}
