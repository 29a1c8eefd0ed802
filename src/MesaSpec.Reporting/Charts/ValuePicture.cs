using System.Globalization;
using MesaSpec.Experiments.Reports;
using MesaSpec.Reporting.Svg;

namespace MesaSpec.Reporting.Charts;

/// <summary>
/// Values with the agent placed on each free cell of a sample level, as a heat map on the grid (jaxgmg's value maps):
/// the model's own estimate (its critic), where the policy expects most return, and each candidate objective's optimal
/// return from there (the planner's), where that objective says the agent should want to be. Shaded from the map's
/// lowest to its highest value, so the picture shows the shape, and the title the range.
/// </summary>
internal static class ValuePicture
{
    private const int Cell = GridFrame.Cell;

    /// <summary>The critic's map; null when the sample has none (reference policies, older reports).</summary>
    public static string? Render(BehaviourSample sample, string environment) =>
        sample.Values is { } values ? Heat(sample, values, $"{environment}: value estimate", "value", null) : null;

    /// <summary>One map per candidate objective the planner scored on the sample, its target cells outlined.</summary>
    public static IEnumerable<(string Picture, string Objective)> RenderOptimal(BehaviourSample sample, string environment)
    {
        foreach (var map in sample.OptimalValues ?? [])
        {
            if (Heat(sample, map.Values, $"{environment}: optimal return of {map.Objective}", "optimal return",
                    sample.Targets?.FirstOrDefault(t => t.Objective == map.Objective)) is { } picture)
            {
                yield return (picture, map.Objective);
            }
        }
    }

    private static string? Heat(BehaviourSample sample, IReadOnlyList<double?[]> values, string what, string word, SampleTarget? outlined)
    {
        var known = values.SelectMany(row => row).OfType<double>().ToList();
        if (known.Count == 0)
        {
            return null;
        }
        var rows = sample.Grid.TakeWhile(r => !r.StartsWith("legend:", StringComparison.Ordinal)).ToList();
        var height = rows.Count;
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        var (low, high) = (known.Min(), known.Max());
        const int left = GridFrame.Left, top = GridFrame.Top;
        var title = string.Create(CultureInfo.InvariantCulture, $"{what}, level {sample.Level}, seed {sample.Seed} ({low:0.00} to {high:0.00})");
        var (canvas, area) = GridFrame.Create(title, width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var symbol = x < rows[y].Length ? rows[y][x] : ' ';
                var (px, py) = (left + x * Cell, top + y * Cell);
                var value = y < values.Count && x < values[y].Length ? values[y][x] : null;
                if (symbol == '#')
                {
                    canvas.Rect(px, py, Cell, Cell, "#444");
                    continue;
                }
                canvas.Rect(px, py, Cell, Cell, "#fff", "#ccc");
                if (value is { } v)
                {
                    // Blue for the map's highest value, fading to white for its lowest.
                    var share = high > low ? (v - low) / (high - low) : 1;
                    canvas.Rect(px, py, Cell, Cell, "#0072B2", opacity: 0.05 + 0.8 * share,
                        tooltip: string.Create(CultureInfo.InvariantCulture, $"({x}, {y}): {word} {v:0.000}"));
                }
                else if (symbol is not ('.' or ' '))
                {
                    canvas.Text(px + Cell / 2.0, py + Cell / 2.0 + 5, symbol.ToString(), "middle", 14, "#000", "bold");
                }
            }
        }
        foreach (var cell in outlined?.Cells ?? [])
        {
            // The objective's own targets, in the vector field's first outline colour.
            var (x0, y0) = (left + cell[0] * Cell + 1.5, top + cell[1] * Cell + 1.5);
            var (x1, y1) = (left + (cell[0] + 1) * Cell - 1.5, top + (cell[1] + 1) * Cell - 1.5);
            canvas.Polyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], Palette.Color(0), 2);
        }
        GridFrame.CellNumbers(canvas, area, width, height);
        return canvas.Render();
    }
}
