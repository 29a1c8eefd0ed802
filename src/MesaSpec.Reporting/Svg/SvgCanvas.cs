using System.Text;
using static MesaSpec.Reporting.Svg.SvgText;

namespace MesaSpec.Reporting.Svg;

/// <summary>
/// Writes one standalone &lt;svg&gt; element: shapes, text, and the frame every plot shares (title, axes with
/// ticks, axis labels with units). No ids, no external references: many drawings can sit in one page.
/// </summary>
internal sealed class SvgCanvas(int width, int height, string title)
{
    private readonly StringBuilder body = new();

    public int Width { get; } = width;

    public int Height { get; } = height;

    public void Rect(double x, double y, double w, double h, string fill, string? stroke = null, double opacity = 1, string? tooltip = null)
    {
        body.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" fill=\"{fill}\"");
        if (stroke is not null)
        {
            body.Append($" stroke=\"{stroke}\"");
        }
        if (opacity < 1)
        {
            body.Append($" fill-opacity=\"{N(opacity)}\"");
        }
        Close("rect", tooltip);
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        body.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"");
        if (dash is not null)
        {
            body.Append($" stroke-dasharray=\"{dash}\"");
        }
        body.Append("/>");
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 1.5, double opacity = 1)
    {
        var list = string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"));
        body.Append($"<polyline points=\"{list}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\" stroke-linejoin=\"round\"");
        if (opacity < 1)
        {
            body.Append($" stroke-opacity=\"{N(opacity)}\"");
        }
        body.Append("/>");
    }

    public void Polygon(IEnumerable<(double X, double Y)> points, string fill, double opacity = 1)
    {
        var list = string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"));
        body.Append($"<polygon points=\"{list}\" fill=\"{fill}\"");
        if (opacity < 1)
        {
            body.Append($" fill-opacity=\"{N(opacity)}\"");
        }
        body.Append("/>");
    }

    public void Circle(double x, double y, double r, string fill, string? tooltip = null)
    {
        body.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{fill}\"");
        Close("circle", tooltip);
    }

    public void Text(double x, double y, string text, string anchor = "start", double size = 11, string fill = "currentColor", string weight = "normal", double rotate = 0)
    {
        body.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"");
        if (weight != "normal")
        {
            body.Append($" font-weight=\"{weight}\"");
        }
        if (rotate != 0)
        {
            body.Append($" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"");
        }
        body.Append('>').Append(Escape(text)).Append("</text>");
    }

    /// <summary>Title at the top, the x axis label under the plot area, the y axis label rotated at the left.</summary>
    public void Frame(PlotArea area, string xLabel, string yLabel)
    {
        Text(Width / 2.0, 18, title, "middle", 13, weight: "bold");
        Text(area.Left + area.Width / 2, Height - 6, xLabel, "middle");
        Text(14, area.Top + area.Height / 2, yLabel, "middle", rotate: -90);
    }

    public void YAxis(PlotArea area, LinearScale y, bool grid = true)
    {
        foreach (var tick in y.Ticks())
        {
            var py = y[tick];
            if (grid)
            {
                Line(area.Left, py, area.Right, py, "#8884", 1);
            }
            Text(area.Left - 5, py + 4, Tick(tick), "end", 10);
        }
        Line(area.Left, area.Top, area.Left, area.Bottom, "currentColor");
    }

    public void XAxis(PlotArea area, LinearScale x)
    {
        foreach (var tick in x.Ticks())
        {
            var px = x[tick];
            Line(px, area.Bottom, px, area.Bottom + 4, "currentColor");
            Text(px, area.Bottom + 16, Tick(tick), "middle", 10);
        }
        Line(area.Left, area.Bottom, area.Right, area.Bottom, "currentColor");
    }

    /// <summary>Categorical x axis: one label under each position.</summary>
    public void XCategories(PlotArea area, IReadOnlyList<(double X, string Label)> categories)
    {
        foreach (var (x, label) in categories)
        {
            Line(x, area.Bottom, x, area.Bottom + 4, "currentColor");
            Text(x, area.Bottom + 16, label, "middle", 10);
        }
        Line(area.Left, area.Bottom, area.Right, area.Bottom, "currentColor");
    }

    /// <summary>A legend in the right margin: a colour swatch and a name per entry.</summary>
    public void Legend(double x, double y, IEnumerable<(string Name, string Color)> entries)
    {
        foreach (var (name, color) in entries)
        {
            Rect(x, y - 8, 12, 10, color);
            Text(x + 16, y, name, size: 10);
            y += 16;
        }
    }

    public string Render() =>
        $"<svg role=\"img\" aria-label=\"{Escape(title)}\" width=\"{Width}\" height=\"{Height}\" "
        + $"viewBox=\"0 0 {Width} {Height}\" font-family=\"system-ui, sans-serif\"><title>{Escape(title)}</title>{body}</svg>";

    private void Close(string element, string? tooltip)
    {
        if (tooltip is null)
        {
            body.Append("/>");
        }
        else
        {
            body.Append("><title>").Append(Escape(tooltip)).Append("</title></").Append(element).Append('>');
        }
    }
}

/// <summary>The inner rectangle of a plot, inside its margins.</summary>
internal readonly record struct PlotArea(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;
}
