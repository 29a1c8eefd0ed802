using MesaSpec.Experiments.Reports;
using MesaSpec.Reporting.Svg;

namespace MesaSpec.Reporting.Charts;

/// <summary>
/// What the policy did on one level, drawn on the grid: cells shaded by how often the policy visited them
/// (heat map), an arrow per free cell for the action the policy prefers there at the start of the episode
/// (as procgen-tools' vector fields), and the trajectory of one episode as a line from its start to its end.
/// </summary>
internal static class BehaviourPicture
{
    private const int Cell = 26;

    public static string Render(BehaviourSample sample, string environment)
    {
        var rows = sample.Grid.TakeWhile(r => !r.StartsWith("legend:", StringComparison.Ordinal)).ToList();
        var height = rows.Count;
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        const int left = 44, top = 34;
        var title = $"{environment}: level {sample.Level}, seed {sample.Seed}{(sample.Conflict ? " (conflict level)" : "")}";
        // Wide enough for the title at 13px bold (about 7.5px a character).
        var canvas = new SvgCanvas(Math.Max((int)(title.Length * 7.5) + 20, left + width * Cell + 16), top + height * Cell + 50, title);
        var area = new PlotArea(left, top, left + width * Cell, top + height * Cell);
        canvas.Frame(area, "column (cells)", "row (cells)");
        var maxVisits = Math.Max(1, sample.Visits.SelectMany(v => v).DefaultIfEmpty(0).Max());
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var symbol = x < rows[y].Length ? rows[y][x] : ' ';
                var (px, py) = (left + x * Cell, top + y * Cell);
                if (symbol == '#')
                {
                    canvas.Rect(px, py, Cell, Cell, "#444");
                    continue;
                }
                var visits = y < sample.Visits.Count && x < sample.Visits[y].Length ? sample.Visits[y][x] : 0;
                canvas.Rect(px, py, Cell, Cell, "#fff", "#ccc");
                if (visits > 0)
                {
                    canvas.Rect(px, py, Cell, Cell, "#E69F00", opacity: 0.15 + 0.75 * visits / maxVisits, tooltip: $"({x}, {y}): {visits} visit(s)");
                }
                if (sample.PreferredActions is { } actions && y < actions.Count && x < actions[y].Length && actions[y][x] is >= 0 and < 4 && symbol is '.' or 'A')
                {
                    Arrow(canvas, px + Cell / 2.0, py + Cell / 2.0, actions[y][x]);
                }
                if (symbol is not ('.' or ' '))
                {
                    canvas.Text(px + Cell / 2.0, py + Cell / 2.0 + 5, symbol.ToString(), "middle", 14, symbol == 'A' ? "#0072B2" : "#000", "bold");
                }
            }
        }
        if (sample.Trajectory.Count > 1)
        {
            var path = sample.Trajectory.Select(p => (left + (p[0] + 0.5) * Cell, top + (p[1] + 0.5) * Cell)).ToList();
            canvas.Polyline(path, "#0072B2", 2.5, 0.8);
            canvas.Circle(path[0].Item1, path[0].Item2, 3, "#0072B2", "start");
            canvas.Circle(path[^1].Item1, path[^1].Item2, 4, "#D55E00", $"end after {sample.Trajectory.Count - 1} steps");
        }
        for (var x = 0; x < width; x += Math.Max(1, width / 8))
        {
            canvas.Text(left + (x + 0.5) * Cell, area.Bottom + 13, x.ToString(System.Globalization.CultureInfo.InvariantCulture), "middle", 9);
        }
        for (var y = 0; y < height; y += Math.Max(1, height / 8))
        {
            canvas.Text(left - 4, top + (y + 0.5) * Cell + 3, y.ToString(System.Globalization.CultureInfo.InvariantCulture), "end", 9);
        }
        return canvas.Render();
    }

    /// <summary>A small arrow from the cell's centre: 0 up, 1 right, 2 down, 3 left.</summary>
    private static void Arrow(SvgCanvas canvas, double cx, double cy, int action)
    {
        var (dx, dy) = action switch { 0 => (0, -1), 1 => (1, 0), 2 => (0, 1), _ => (-1, 0) };
        const double length = Cell * 0.36, head = 4.5;
        var (tipX, tipY) = (cx + dx * length, cy + dy * length);
        var (tailX, tailY) = (cx - dx * length * 0.6, cy - dy * length * 0.6);
        canvas.Line(tailX, tailY, tipX - dx * head, tipY - dy * head, "#333", 1.4);
        canvas.Polygon([(tipX, tipY), (tipX - dx * head * 1.6 - dy * head, tipY - dy * head * 1.6 + dx * head),
            (tipX - dx * head * 1.6 + dy * head, tipY - dy * head * 1.6 - dx * head)], "#333");
    }
}
