using System.Globalization;
using MesaSpec.Experiments.Reports;
using MesaSpec.Reporting.Svg;

namespace MesaSpec.Reporting.Charts;

/// <summary>
/// Where the evaluation episodes ended, over every level and seed, as a heat map on the environment's grid
/// (jaxgmg's end-position maps): a proxy shows as a bright cell where no base target sits (the corner), a
/// capability failure as ends spread wherever the horizon cut the episodes. The levels' walls differ, so none
/// are drawn. Null when the report has no map.
/// </summary>
internal static class EndMapPicture
{
    private const int Cell = GridFrame.Cell;

    public static string? Render(EvaluationReport evaluation)
    {
        if (evaluation.EndMap is not { Count: > 0 } map)
        {
            return null;
        }
        var (height, width) = (map.Count, map.Max(r => r.Length));
        var total = map.Sum(r => r.Sum());
        var most = Math.Max(1, map.Max(r => r.DefaultIfEmpty(0).Max()));
        const int left = GridFrame.Left, top = GridFrame.Top;
        var title = string.Create(CultureInfo.InvariantCulture, $"{evaluation.Environment}: where the {total} episodes end");
        var (canvas, area) = GridFrame.Create(title, width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < map[y].Length; x++)
            {
                var (px, py) = (left + x * Cell, top + y * Cell);
                var count = map[y][x];
                canvas.Rect(px, py, Cell, Cell, "#fff", "#ddd");
                if (count > 0)
                {
                    var share = (double)count / Math.Max(1, total);
                    canvas.Rect(px, py, Cell, Cell, "#D55E00", opacity: 0.1 + 0.85 * count / most,
                        tooltip: string.Create(CultureInfo.InvariantCulture, $"({x}, {y}): {count} episode(s), {share:P0}"));
                }
            }
        }
        GridFrame.CellNumbers(canvas, area, width, height);
        return canvas.Render();
    }
}
