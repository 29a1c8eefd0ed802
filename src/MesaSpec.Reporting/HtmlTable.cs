using System.Text;

namespace MesaSpec.Reporting;

/// <summary>
/// A table of report.html in its scrolling box: narrower than the table, the page keeps its width and the table
/// scrolls inside the box (never a number cut or pushed past the page's edge). Every table of the page opens and
/// closes here.
/// </summary>
internal static class HtmlTable
{
    /// <summary>Opens the box, the table and its body after the header row <paramref name="headerCells"/> (<c>&lt;th&gt;</c> elements, HTML).</summary>
    public static void Open(StringBuilder html, string headerCells) =>
        html.Append("<div class=\"table-scroll\"><table class=\"verdicts\"><thead><tr>").Append(headerCells).Append("</tr></thead><tbody>\n");

    public static void Close(StringBuilder html) => html.Append("</tbody></table></div>\n");
}
