using MesaSpec.Experiments.Reports;
using MesaSpec.Reporting.Svg;

namespace MesaSpec.Reporting.Charts;

/// <summary>
/// What the policy did on one level, drawn on the grid: cells shaded by how often the policy visited them
/// (heat map), an arrow per free cell for where the policy tends to go from there at the start of the episode
/// (its action probabilities as a weighted vector, as procgen-tools' vector fields), and the trajectory of one
/// episode as a line from its start to its end.
/// </summary>
internal static class BehaviourPicture
{
    private const int Cell = GridFrame.Cell;

    public static string Render(BehaviourSample sample, string environment)
    {
        var rows = sample.Grid.TakeWhile(r => !r.StartsWith("legend:", StringComparison.Ordinal)).ToList();
        var height = rows.Count;
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        const int left = GridFrame.Left, top = GridFrame.Top;
        var title = $"{environment}: level {sample.Level}, seed {sample.Seed}{(sample.Conflict ? " (conflict level)" : "")}";
        var targets = TargetLegend(sample);
        // Wide enough for the targets' line at 10px (about 5.6px a character), and tall enough for it under the axis.
        var (canvas, area) = GridFrame.Create(title, width, height, (int)(targets.Length * 5.6) + 20, targets.Length > 0 ? 64 : 50);
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
                if (symbol is '.' or 'A' && Distribution(sample, x, y) is { } distribution)
                {
                    WeightedArrow(canvas, px + Cell / 2.0, py + Cell / 2.0, distribution, $"({x}, {y}): {visits} visit(s)");
                }
                else if (sample.PreferredActions is { } actions && y < actions.Count && x < actions[y].Length && actions[y][x] is >= 0 and < 4 && symbol is '.' or 'A')
                {
                    // Reports written before the distribution was recorded: the preferred action at full length.
                    Arrow(canvas, px + Cell / 2.0, py + Cell / 2.0, Direction(actions[y][x]), 1);
                }
                if (symbol is not ('.' or ' '))
                {
                    canvas.Text(px + Cell / 2.0, py + Cell / 2.0 + 5, symbol.ToString(), "middle", 14, symbol == 'A' ? "#0072B2" : "#000", "bold");
                }
            }
        }
        Targets(canvas, sample, left, top);
        if (targets.Length > 0)
        {
            canvas.Text(10, top + height * Cell + 36, targets, size: 10); // between the column numbers and the axis label
        }
        if (sample.Trajectory.Count > 1)
        {
            var path = sample.Trajectory.Select(p => (left + (p[0] + 0.5) * Cell, top + (p[1] + 0.5) * Cell)).ToList();
            canvas.Polyline(path, "#0072B2", 2.5, 0.8);
            canvas.Circle(path[0].Item1, path[0].Item2, 3, "#0072B2", "start");
            canvas.Circle(path[^1].Item1, path[^1].Item2, 4, "#D55E00", $"end after {ReportText.Steps(sample)} steps");
        }
        GridFrame.CellNumbers(canvas, area, width, height);
        return canvas.Render();
    }

    /// <summary>
    /// Each candidate's target cells outlined in a colour of its own (in the candidates' order, the base objective first),
    /// nested one inside the other where targets share a cell (the cheese in the corner), named under the grid.
    /// </summary>
    private static void Targets(SvgCanvas canvas, BehaviourSample sample, int left, int top)
    {
        if (sample.Targets is not { Count: > 0 } targets)
        {
            return;
        }
        for (var i = 0; i < targets.Count; i++)
        {
            var colour = Palette.Color(i);
            var inset = 1.5 + 3 * i;
            foreach (var cell in targets[i].Cells)
            {
                var (x0, y0) = (left + cell[0] * Cell + inset, top + cell[1] * Cell + inset);
                var (x1, y1) = (left + (cell[0] + 1) * Cell - inset, top + (cell[1] + 1) * Cell - inset);
                canvas.Polyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], colour, 2);
            }
        }
    }

    /// <summary>The line naming each outline's objective and colour; empty without targets.</summary>
    private static string TargetLegend(BehaviourSample sample) => sample.Targets is not { Count: > 0 } targets ? ""
        : "outlined targets: " + string.Join(", ", targets.Select((t, i) => $"{t.Objective} ({Palette.ColorName(i)})"));

    private static double[]? Distribution(BehaviourSample sample, int x, int y) =>
        sample.ActionProbabilities is { } all && y < all.Count && x < all[y].Length ? all[y][x] : null;

    /// <summary>The unit move of an action: 0 up, 1 right, 2 down, 3 left (y grows downwards).</summary>
    private static (double X, double Y) Direction(int action) => action switch { 0 => (0, -1), 1 => (1, 0), 2 => (0, 1), _ => (-1, 0) };

    /// <summary>
    /// The probability-weighted sum of the four moves (procgen-tools' vector fields): its direction is where the
    /// policy tends to go from this cell, its length how decided it is (a full cell's arrow for a certain move, a
    /// dot when the moves cancel out). The tooltip gives each probability.
    /// </summary>
    private static void WeightedArrow(SvgCanvas canvas, double cx, double cy, double[] probabilities, string cell)
    {
        var (dx, dy) = (0.0, 0.0);
        for (var a = 0; a < Math.Min(4, probabilities.Length); a++)
        {
            var (ux, uy) = Direction(a);
            dx += probabilities[a] * ux;
            dy += probabilities[a] * uy;
        }
        var magnitude = Math.Sqrt(dx * dx + dy * dy);
        var tooltip = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{cell}: up {probabilities.ElementAtOrDefault(0):0.00}, right {probabilities.ElementAtOrDefault(1):0.00}, down {probabilities.ElementAtOrDefault(2):0.00}, left {probabilities.ElementAtOrDefault(3):0.00}");
        // A transparent cell-sized target carries the tooltip: an arrow a few pixels wide is hard to hover.
        canvas.Rect(cx - Cell / 2.0, cy - Cell / 2.0, Cell, Cell, "#fff", opacity: 0, tooltip: tooltip);
        if (magnitude < 0.08)
        {
            canvas.Circle(cx, cy, 1.8, "#333");
            return;
        }
        Arrow(canvas, cx, cy, (dx / magnitude, dy / magnitude), Math.Min(1, magnitude));
    }

    /// <summary>An arrow from the cell's centre along a unit direction, <paramref name="scale"/> (0 to 1) of the full length.</summary>
    private static void Arrow(SvgCanvas canvas, double cx, double cy, (double X, double Y) direction, double scale)
    {
        var (dx, dy) = direction;
        var length = Cell * 0.38 * scale;
        var head = Math.Min(4.5, length * 0.8);
        var (tipX, tipY) = (cx + dx * length, cy + dy * length);
        var (tailX, tailY) = (cx - dx * length * 0.6, cy - dy * length * 0.6);
        canvas.Line(tailX, tailY, tipX - dx * head, tipY - dy * head, "#333", 1.4);
        canvas.Polygon([(tipX, tipY), (tipX - dx * head * 1.6 - dy * head, tipY - dy * head * 1.6 + dx * head),
            (tipX - dx * head * 1.6 + dy * head, tipY - dy * head * 1.6 - dx * head)], "#333");
    }
}
