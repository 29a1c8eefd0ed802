using System.Globalization;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Levels;

/// <summary>Writes a region the way a spec author would, for messages ("corner(top_right, 1)").</summary>
public static class RegionText
{
    public static string Describe(RegionModel region) => region switch
    {
        AnywhereRegion => "anywhere",
        CornerRegion c => $"corner({CornerName(c.Corner)}, {N(c.Size)})",
        CellRegion c => $"cell({N(c.X)}, {N(c.Y)})",
        RectRegion r => $"rect({N(r.X)}, {N(r.Y)}, {N(r.Width)}, {N(r.Height)})",
        RowsRegion r => $"rows({N(r.From)}, {N(r.To)})",
        ColumnsRegion c => $"columns({N(c.From)}, {N(c.To)})",
        DifferenceRegion d => $"{Describe(d.Left)} except {(d.Right is DifferenceRegion ? $"({Describe(d.Right)})" : Describe(d.Right))}",
        UnionRegion u => string.Join(" or ", u.Parts.Select(p => p is DifferenceRegion ? $"({Describe(p)})" : Describe(p))),
        NearRegion n => $"near({n.Anchor}, {N(n.Distance)})",
        OnRegion o => $"on({o.Anchor})",
        CellsRegion cs => cs.Cells.Count == 1 ? $"cell({N(cs.Cells[0].X)}, {N(cs.Cells[0].Y)})" : $"{N(cs.Cells.Count)} layout cells",
        _ => region.ToString(),
    };

    private static string CornerName(Corner corner) => corner switch
    {
        Corner.TopLeft => "top_left",
        Corner.TopRight => "top_right",
        Corner.BottomLeft => "bottom_left",
        _ => "bottom_right",
    };

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
