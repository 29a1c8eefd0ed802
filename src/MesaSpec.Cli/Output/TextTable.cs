using MesaSpec.History.Comparison;

namespace MesaSpec.Cli.Output;

/// <summary>
/// A plain-text table (<c>mesaspec runs list</c>): columns padded to their widest cell when every line fits the
/// terminal (or there is no terminal width: a file, a pipe), otherwise one block per row, its first cell and then a
/// "header: value" line per other cell, so the terminal never breaks a word or a number across lines.
/// </summary>
internal static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, int? width)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
        var lines = rows.Select(Line).Prepend(Line(header)).ToList();
        if (width is not { } columns || lines.All(l => l.Length <= columns))
        {
            lines.ForEach(output.WriteLine);
            return;
        }
        foreach (var row in rows)
        {
            output.WriteLine($"{header[0]} {row[0]}");
            for (var c = 1; c < header.Count; c++)
            {
                foreach (var line in WordWrap.Lines($"  {header[c]}: {row[c]}", columns, "    "))
                {
                    output.WriteLine(line);
                }
            }
        }
    }
}
