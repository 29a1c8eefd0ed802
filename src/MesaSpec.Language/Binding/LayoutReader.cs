using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>Reads an ASCII layout through its legend: walls, the agent's cells, and fixed item cells.</summary>
internal static class LayoutReader
{
    /// <summary>
    /// Fills <paramref name="placed"/> with the cells of each legend meaning ("agent" or an item kind).
    /// Returns null walls when the layout is unusable (reported).
    /// </summary>
    public static (LayoutWalls? Walls, int? Width, int? Height) Read(
        LayoutMemberSyntax layout,
        LegendMemberSyntax? legend,
        Dictionary<string, List<(int X, int Y)>> placed,
        FileDiagnostics file)
    {
        if (layout.Rows.IsEmpty)
        {
            file.Report(DiagnosticCatalog.LayoutProblem(layout.Span, "the layout has no rows"));
            return (null, null, null);
        }
        var width = layout.Rows[0].Value.Length;
        var ok = true;
        foreach (var row in layout.Rows.Skip(1).Where(r => r.Value.Length != width))
        {
            file.Report(DiagnosticCatalog.LayoutProblem(row.Span, $"every layout row must be {width} characters wide like the first; this one is {row.Value.Length}"));
            ok = false;
        }
        if (width < 2 || layout.Rows.Length < 2 || width > 64 || layout.Rows.Length > 64)
        {
            file.Report(DiagnosticCatalog.LayoutProblem(layout.Span, $"a layout must be between 2 x 2 and 64 x 64, this one is {width} x {layout.Rows.Length}"));
            return (null, null, null);
        }

        var meanings = new Dictionary<char, string> { ['#'] = "wall", ['.'] = "floor", [' '] = "floor" };
        foreach (var entry in legend?.Entries ?? [])
        {
            if (entry.Symbol.Value.Length != 1)
            {
                file.Report(DiagnosticCatalog.LayoutProblem(entry.Symbol.Span, $"a legend symbol is one character, not \"{entry.Symbol.Value}\""));
                ok = false;
                continue;
            }
            meanings[entry.Symbol.Value[0]] = entry.Meaning.Text;
        }

        var walls = new List<IReadOnlyList<bool>>();
        for (var y = 0; y < layout.Rows.Length; y++)
        {
            var row = layout.Rows[y];
            var cells = new bool[width];
            for (var x = 0; x < Math.Min(width, row.Value.Length); x++)
            {
                var symbol = row.Value[x];
                if (!meanings.TryGetValue(symbol, out var meaning))
                {
                    // +1: skip the opening quote to point at the character itself.
                    file.Report(DiagnosticCatalog.LayoutProblem(new Text.TextSpan(row.Span.Start + 1 + x, 1), $"'{symbol}' is not in the legend; add e.g. \"{symbol}\" = wall"));
                    ok = false;
                    continue;
                }
                switch (meaning)
                {
                    case "wall":
                        cells[x] = true;
                        break;
                    case "floor":
                        break;
                    default:
                        if (!placed.TryGetValue(meaning, out var list))
                        {
                            list = [];
                            placed[meaning] = list;
                        }
                        list.Add((x, y));
                        break;
                }
            }
            walls.Add(cells);
        }
        return ok ? (new LayoutWalls(walls), width, layout.Rows.Length) : (null, null, null);
    }
}
