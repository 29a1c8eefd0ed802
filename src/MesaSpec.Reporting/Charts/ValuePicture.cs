using System.Globalization;
using MesaSpec.Experiments.Reports;
using MesaSpec.Reporting.Svg;

namespace MesaSpec.Reporting.Charts;

/// <summary>
/// The model's own value estimate (its critic) with the agent placed on each free cell of a sample level, as a
/// heat map on the grid (jaxgmg's value maps): where the policy expects most return. Shaded from the level's
/// lowest to its highest value, so the picture shows the shape of the estimate, and the caption the range.
/// Null when the sample has no values (reference policies, older reports).
/// </summary>
internal static class ValuePicture
{
    private const int Cell = GridFrame.Cell;

    public static string? Render(BehaviourSample sample, string environment)
    {
        if (sample.Values is not { } values)
        {
            return null;
        }
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
        var title = string.Create(CultureInfo.InvariantCulture, $"{environment}: value estimate, level {sample.Level}, seed {sample.Seed} ({low:0.00} to {high:0.00})");
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
                    // Blue for the level's highest estimate, fading to white for its lowest.
                    var share = high > low ? (v - low) / (high - low) : 1;
                    canvas.Rect(px, py, Cell, Cell, "#0072B2", opacity: 0.05 + 0.8 * share,
                        tooltip: string.Create(CultureInfo.InvariantCulture, $"({x}, {y}): value {v:0.000}"));
                }
                else if (symbol is not ('.' or ' '))
                {
                    canvas.Text(px + Cell / 2.0, py + Cell / 2.0 + 5, symbol.ToString(), "middle", 14, "#000", "bold");
                }
            }
        }
        GridFrame.CellNumbers(canvas, area, width, height);
        return canvas.Render();
    }
}
