using System.Globalization;
using MesaSpec.Reporting.Svg;

namespace MesaSpec.Reporting.Charts;

/// <summary>
/// The frame every picture on a grid of cells shares (behaviour, value map, end map, visit maps): one cell size, the grid
/// placed under the title with room for the axis labels, and the column and row numbers along its edges.
/// </summary>
internal static class GridFrame
{
    public const int Cell = 26;

    public const int Left = 44;

    public const int Top = 34;

    /// <param name="minimumWidth">Room a caption under the grid needs.</param>
    /// <param name="bottom">Height under the grid: the numbers, any caption, the axis label.</param>
    /// <param name="xLabel">The axis labels: a level's columns and rows, unless the grid is of something else (offsets).</param>
    public static (SvgCanvas Canvas, PlotArea Area) Create(string title, int width, int height, int minimumWidth = 0, int bottom = 50,
        string xLabel = "column (cells)", string yLabel = "row (cells)")
    {
        // Wide enough for the title at 13px bold (about 7.5px a character).
        var canvas = new SvgCanvas(Math.Max(Math.Max((int)(title.Length * 7.5) + 20, Left + width * Cell + 16), minimumWidth), Top + height * Cell + bottom, title);
        var area = new PlotArea(Left, Top, Left + width * Cell, Top + height * Cell);
        canvas.Frame(area, xLabel, yLabel);
        return (canvas, area);
    }

    /// <summary>Column numbers under the grid and row numbers left of it, at most about eight of each.</summary>
    public static void CellNumbers(SvgCanvas canvas, PlotArea area, int width, int height)
    {
        for (var x = 0; x < width; x += Math.Max(1, width / 8))
        {
            canvas.Text(Left + (x + 0.5) * Cell, area.Bottom + 13, x.ToString(CultureInfo.InvariantCulture), "middle", 9);
        }
        for (var y = 0; y < height; y += Math.Max(1, height / 8))
        {
            canvas.Text(Left - 4, Top + (y + 0.5) * Cell + 3, y.ToString(CultureInfo.InvariantCulture), "end", 9);
        }
    }
}
