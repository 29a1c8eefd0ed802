using Spectre.Console;

namespace MesaSpec.Cli.Running;

/// <summary>
/// A terminal table that never breaks a word: drawn (rounded) when every cell fits on one line within the
/// terminal's width, otherwise each row as a block of "header: value" lines (empty cells left out), since Spectre
/// would break cells mid-word, a number over two lines. The verdict tables of environments and of tasks use it.
/// </summary>
internal static class FittingTable
{
    /// <param name="headers">Column headers (markup).</param>
    /// <param name="rows">Cells (markup), as many as headers; the first names the row.</param>
    /// <param name="rightAligned">Which columns are numbers, aligned right when drawn.</param>
    public static void Write(IAnsiConsole console, string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, Func<int, bool> rightAligned)
    {
        if (NaturalWidth(headers, rows) <= console.Profile.Width)
        {
            var table = new Table().Title(Markup.Escape(title)).Border(TableBorder.Rounded);
            for (var c = 0; c < headers.Count; c++)
            {
                table.AddColumn(rightAligned(c) ? new TableColumn(headers[c]).RightAligned() : new TableColumn(headers[c]));
            }
            foreach (var cells in rows)
            {
                table.AddRow(cells.ToArray());
            }
            console.Write(table);
            return;
        }
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        foreach (var cells in rows)
        {
            for (var c = 0; c < headers.Count; c++)
            {
                if (c == 0 || cells[c].Length > 0)
                {
                    console.MarkupLine(c == 0 ? cells[c] : $"  {headers[c]}: {cells[c]}");
                }
            }
        }
    }

    /// <summary>Columns a rounded table needs to show every cell on one line: the widest cell of each column, a space either side, the rules.</summary>
    private static int NaturalWidth(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows) =>
        headers.Select((header, c) => rows.Select(r => Markup.Remove(r[c]).Length).Append(Markup.Remove(header).Length).Max() + 3).Sum() + 1;
}
