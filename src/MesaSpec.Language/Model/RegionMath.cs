namespace MesaSpec.Language.Model;

/// <summary>
/// Turns regions into cells of a concrete <c>width x height</c> grid. Shared by the binder
/// (bounds checks), the level generator and the planner, so all three agree on what a region is.
/// </summary>
public static class RegionMath
{
    /// <summary>Whether cell (x, y) belongs to the region on a grid of the given size (a region that is not relative).</summary>
    public static bool Contains(RegionModel region, int width, int height, int x, int y) => Contains(region, width, height, x, y, null);

    /// <summary>
    /// Whether cell (x, y) belongs to the region, where a relative region (<see cref="NearRegion"/>) is measured
    /// from <paramref name="anchors"/>; without them a relative region is a caller's mistake, not an empty set.
    /// </summary>
    public static bool Contains(RegionModel region, int width, int height, int x, int y, IPlacedAnchors? anchors) => region switch
    {
        AnywhereRegion => true,
        CornerRegion c => ContainsCorner(c, width, height, x, y),
        CellRegion c => Wrap(c.X, width) == x && Wrap(c.Y, height) == y,
        RectRegion r => x >= Wrap(r.X, width) && x < Wrap(r.X, width) + r.Width
                        && y >= Wrap(r.Y, height) && y < Wrap(r.Y, height) + r.Height,
        RowsRegion r => y >= Math.Min(Wrap(r.From, height), Wrap(r.To, height)) && y <= Math.Max(Wrap(r.From, height), Wrap(r.To, height)),
        ColumnsRegion c => x >= Math.Min(Wrap(c.From, width), Wrap(c.To, width)) && x <= Math.Max(Wrap(c.From, width), Wrap(c.To, width)),
        DifferenceRegion d => Contains(d.Left, width, height, x, y, anchors) && !Contains(d.Right, width, height, x, y, anchors),
        UnionRegion u => ContainsAny(u, width, height, x, y, anchors),
        CellsRegion cs => ContainsCell(cs, width, height, x, y),
        NearRegion n => anchors?.IsNear(n.Anchor, n.Distance, x, y)
                        ?? throw new InvalidOperationException($"near({n.Anchor}, {n.Distance}) is relative: its cells are known only once '{n.Anchor}' is placed"),
        OnRegion o => anchors?.IsOn(o.Anchor, x, y)
                      ?? throw new InvalidOperationException($"on({o.Anchor}) is relative: its cells are known only once '{o.Anchor}' is placed"),
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "unknown region kind"),
    };

    /// <summary>All cells of the region that lie on the grid, row-major.</summary>
    public static List<(int X, int Y)> Cells(RegionModel region, int width, int height)
    {
        var cells = new List<(int X, int Y)>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (Contains(region, width, height, x, y))
                {
                    cells.Add((x, y));
                }
            }
        }
        return cells;
    }

    /// <summary>
    /// Describes the first way the region leaves the grid, or null when it lies inside it.
    /// Used by the binder to report MS2xxx "region outside the grid".
    /// </summary>
    public static string? OutOfBounds(RegionModel region, int width, int height) => region switch
    {
        CornerRegion c when c.Size < 1 => $"corner size {c.Size} is less than 1",
        CornerRegion c when c.Size > Math.Min(width, height) => $"corner size {c.Size} exceeds the {width}x{height} grid",
        CellRegion c when !InRange(c.X, width) || !InRange(c.Y, height) => $"cell ({c.X}, {c.Y}) is outside the {width}x{height} grid",
        RectRegion r when r.Width < 1 || r.Height < 1 => $"rect size {r.Width}x{r.Height} is empty",
        RectRegion r when !InRange(r.X, width) || !InRange(r.Y, height)
                          || Wrap(r.X, width) + r.Width > width || Wrap(r.Y, height) + r.Height > height
            => $"rect ({r.X}, {r.Y}, {r.Width}, {r.Height}) extends outside the {width}x{height} grid",
        RowsRegion r when !InRange(r.From, height) || !InRange(r.To, height) => $"rows {r.From}..{r.To} are outside the grid's {height} rows",
        ColumnsRegion c when !InRange(c.From, width) || !InRange(c.To, width) => $"columns {c.From}..{c.To} are outside the grid's {width} columns",
        DifferenceRegion d => OutOfBounds(d.Left, width, height) ?? OutOfBounds(d.Right, width, height),
        UnionRegion u => u.Parts.Select(p => OutOfBounds(p, width, height)).FirstOrDefault(p => p is not null),
        CellsRegion cs => cs.Cells.Where(c => !InRange(c.X, width) || !InRange(c.Y, height))
                              .Select(c => $"cell ({c.X}, {c.Y}) is outside the {width}x{height} grid").FirstOrDefault(),
        _ => null,
    };

    /// <summary>Whether the region's cells depend on where other things were placed (it contains a <see cref="NearRegion"/> or an <see cref="OnRegion"/>).</summary>
    public static bool IsRelative(RegionModel region) => region switch
    {
        NearRegion or OnRegion => true,
        DifferenceRegion d => IsRelative(d.Left) || IsRelative(d.Right),
        UnionRegion u => u.Parts.Any(IsRelative),
        _ => false,
    };

    /// <summary>The anchors a region is measured from, in the order they are written, each once.</summary>
    public static IReadOnlyList<string> Anchors(RegionModel region)
    {
        var anchors = new List<string>();
        CollectAnchors(region, anchors);
        return anchors;
    }

    /// <summary>Every <c>near(...)</c> and <c>on(...)</c> in the region, on either side of an <c>except</c>, in the order written.</summary>
    public static IEnumerable<RegionModel> RelativeParts(RegionModel region) => region switch
    {
        NearRegion or OnRegion => [region],
        DifferenceRegion d => RelativeParts(d.Left).Concat(RelativeParts(d.Right)),
        UnionRegion u => u.Parts.SelectMany(RelativeParts),
        _ => [],
    };

    /// <summary>
    /// Whether the region stacks what spawns in it on items (it contains an <see cref="OnRegion"/>). Such a region's cells
    /// are taken by its anchors, so the level generator lets them be shared; the binder has made sure every cell it can
    /// add comes from an <c>on(...)</c> part (MS2039).
    /// </summary>
    public static bool Stacks(RegionModel region) => region switch
    {
        OnRegion => true,
        DifferenceRegion d => Stacks(d.Left),
        UnionRegion u => u.Parts.Any(Stacks),
        _ => false,
    };

    /// <summary>The parts that can add cells to the region (a difference's right side only removes them), in the order written.</summary>
    public static IEnumerable<RegionModel> AddingParts(RegionModel region) => region switch
    {
        DifferenceRegion d => AddingParts(d.Left),
        UnionRegion u => u.Parts.SelectMany(AddingParts),
        _ => [region],
    };

    /// <summary>The <c>near(...)</c> parts that can add cells to the region (a difference's right side only removes them), for estimating its size before placing.</summary>
    public static IEnumerable<NearRegion> NearParts(RegionModel region) => AddingParts(region).OfType<NearRegion>();

    private static void CollectAnchors(RegionModel region, List<string> anchors)
    {
        switch (region)
        {
            case NearRegion n when !anchors.Contains(n.Anchor):
                anchors.Add(n.Anchor);
                break;
            case OnRegion o when !anchors.Contains(o.Anchor):
                anchors.Add(o.Anchor);
                break;
            case DifferenceRegion d:
                CollectAnchors(d.Left, anchors);
                CollectAnchors(d.Right, anchors);
                break;
            case UnionRegion u:
                foreach (var part in u.Parts)
                {
                    CollectAnchors(part, anchors);
                }
                break;
        }
    }

    // Index loops rather than LINQ or foreach over an interface: a capturing lambda or a boxed enumerator would
    // allocate on every call, and the level generator asks once per cell per level.
    private static bool ContainsAny(UnionRegion union, int width, int height, int x, int y, IPlacedAnchors? anchors)
    {
        for (var i = 0; i < union.Parts.Count; i++)
        {
            if (Contains(union.Parts[i], width, height, x, y, anchors))
            {
                return true;
            }
        }
        return false;
    }

    private static bool ContainsCell(CellsRegion region, int width, int height, int x, int y)
    {
        for (var i = 0; i < region.Cells.Count; i++)
        {
            if (Wrap(region.Cells[i].X, width) == x && Wrap(region.Cells[i].Y, height) == y)
            {
                return true;
            }
        }
        return false;
    }

    private static bool ContainsCorner(CornerRegion c, int width, int height, int x, int y)
    {
        var left = c.Corner is Corner.TopLeft or Corner.BottomLeft;
        var top = c.Corner is Corner.TopLeft or Corner.TopRight;
        var inX = left ? x < c.Size : x >= width - c.Size;
        var inY = top ? y < c.Size : y >= height - c.Size;
        return inX && inY;
    }

    private static bool InRange(int index, int size) => index >= -size && index < size;

    private static int Wrap(int index, int size) => index < 0 ? size + index : index;
}
