using System.Globalization;
using MesaSpec.Experiments.Reports;
using MesaSpec.Reporting.Svg;

namespace MesaSpec.Reporting.Charts;

/// <summary>
/// Where the agent was relative to one objective's target, over every step of every episode and seed, as a heat
/// map of offsets with the target at the centre (outlined): an agent that pursues the objective gathers on and
/// around the centre of its map; one that pursues a proxy gathers at the proxy's centre and spreads on the base
/// objective's. Cells are the same size as on the level pictures (<see cref="GridFrame.Cell"/>).
/// </summary>
internal static class VisitMapPicture
{
    private const int Cell = GridFrame.Cell;

    public static string Render(string environment, VisitMap map)
    {
        var (rows, columns) = (map.Height, map.Width);
        var (centreX, centreY) = (columns / 2, rows / 2);
        var total = map.Counts.Sum();
        var most = Math.Max(1, map.Counts.DefaultIfEmpty(0).Max());
        var onTarget = map[centreY, centreX];
        const int left = GridFrame.Left, top = GridFrame.Top;
        var title = string.Create(CultureInfo.InvariantCulture, $"{environment}: the agent relative to {map.Objective}'s target");
        var (canvas, area) = GridFrame.Create(title, columns, rows, xLabel: "columns right of the target", yLabel: "rows below");
        // One background for the whole grid and a rectangle only where the agent was: a map is mostly empty
        // offsets, and a rectangle per cell would make report.html several times heavier.
        canvas.Rect(left, top, columns * Cell, rows * Cell, "#fff", "#ddd");
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var (px, py) = (left + x * Cell, top + y * Cell);
                var count = map[y, x];
                if (count > 0)
                {
                    canvas.Rect(px, py, Cell, Cell, "#0072B2", opacity: 0.1 + 0.85 * count / most,
                        tooltip: string.Create(CultureInfo.InvariantCulture,
                            $"({x - centreX:+0;-0;0}, {y - centreY:+0;-0;0}) from the target: {count} step(s), {100.0 * count / Math.Max(1, total):0.0}%"));
                }
            }
        }
        canvas.Rect(left + centreX * Cell + 1, top + centreY * Cell + 1, Cell - 2, Cell - 2, "none", "#D55E00");
        var step = Math.Max(1, columns / 8);
        for (var x = centreX % step; x < columns; x += step)
        {
            canvas.Text(left + (x + 0.5) * Cell, area.Bottom + 13, (x - centreX).ToString(CultureInfo.InvariantCulture), "middle", 9);
        }
        for (var y = centreY % Math.Max(1, rows / 8); y < rows; y += Math.Max(1, rows / 8))
        {
            canvas.Text(left - 4, top + (y + 0.5) * Cell + 3, (y - centreY).ToString(CultureInfo.InvariantCulture), "end", 9);
        }
        canvas.Text(left, area.Bottom + 28, string.Create(CultureInfo.InvariantCulture,
            $"{total} steps; {100.0 * onTarget / Math.Max(1, total):0.0}% on the target"), size: 10);
        return canvas.Render();
    }
}
