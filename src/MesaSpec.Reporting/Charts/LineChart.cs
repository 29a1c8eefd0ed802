using MesaSpec.Reporting.Svg;

namespace MesaSpec.Reporting.Charts;

/// <summary>A point of a line series, with an optional interval drawn as an error bar.</summary>
internal readonly record struct SeriesPoint(double X, double Y, double? Low = null, double? High = null);

internal sealed record LineSeries(string Name, string Color, IReadOnlyList<SeriesPoint> Points, bool Markers = false, bool Dashed = false);

/// <summary>
/// Lines over a numeric x axis (learning curves: steps; sweeps: the swept value), with error bars where a
/// point has an interval. Categorical x values are placed at 0, 1, 2... and labelled with <c>categories</c>.
/// </summary>
internal static class LineChart
{
    public static string Render(
        string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series,
        IReadOnlyList<string>? categories = null, (double Min, double Max)? yRange = null,
        IReadOnlyList<(double X, string Text, string Color)>? annotations = null)
    {
        const int width = 600, height = 300;
        var area = new PlotArea(64, 32, width - 150, height - 48 - (annotations is null ? 0 : 14));
        var canvas = new SvgCanvas(width, height, title);
        var points = series.SelectMany(s => s.Points).ToList();
        var xs = points.Select(p => p.X).DefaultIfEmpty(0).ToList();
        var ys = points.SelectMany(p => new[] { p.Y, p.Low ?? p.Y, p.High ?? p.Y }).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var y = yRange is { } range ? new LinearScale(range.Min, range.Max, area.Bottom, area.Top) : new LinearScale(ys.Min(), ys.Max(), area.Bottom, area.Top);
        LinearScale x;
        if (categories is null)
        {
            // The x axis spans the data, ticks at nice values inside it: rounding the end out would draw a
            // 300k-step run on an axis to 400k.
            x = new LinearScale(xs.Min(), xs.Max(), area.Left, area.Right, nice: false);
        }
        else
        {
            x = new LinearScale(-0.5, categories.Count - 0.5, area.Left, area.Right, nice: false);
        }
        canvas.Frame(area, xLabel, yLabel);
        canvas.YAxis(area, y);
        if (categories is null)
        {
            canvas.XAxis(area, x);
        }
        else
        {
            canvas.XCategories(area, categories.Select((c, i) => (x[i], c)).ToList());
        }
        for (var s = 0; s < series.Count; s++)
        {
            var line = series[s];
            var finite = line.Points.Where(p => double.IsFinite(p.Y)).ToList();
            if (finite.Count == 0)
            {
                continue;
            }
            foreach (var p in finite.Where(p => p.Low is not null && p.High is not null))
            {
                canvas.Line(x[p.X], y[p.Low!.Value], x[p.X], y[p.High!.Value], line.Color, 1.5);
                canvas.Line(x[p.X] - 4, y[p.Low.Value], x[p.X] + 4, y[p.Low.Value], line.Color, 1.5);
                canvas.Line(x[p.X] - 4, y[p.High.Value], x[p.X] + 4, y[p.High.Value], line.Color, 1.5);
            }
            if (line.Dashed)
            {
                canvas.Line(x[finite[0].X], y[finite[0].Y], x[finite[^1].X], y[finite[^1].Y], line.Color, 1.5, "5 4");
            }
            else
            {
                canvas.Polyline(finite.Select(p => (x[p.X], y[p.Y])), line.Color, 2);
            }
            if (line.Markers || finite.Count == 1)
            {
                foreach (var p in finite)
                {
                    canvas.Circle(x[p.X], y[p.Y], 3.5, line.Color, $"{line.Name}: {SvgText.N(p.Y)}");
                }
            }
        }
        foreach (var (ax, text, color) in annotations ?? [])
        {
            canvas.Text(x[ax], height - 22, text, "middle", 9, color, "bold");
        }
        canvas.Legend(area.Right + 14, area.Top + 8, series.Select(s => (s.Name, s.Color)));
        return canvas.Render();
    }
}
