namespace MesaSpec.Language.Model;

/// <summary>Which corner of the grid a <see cref="CornerRegion"/> hugs.</summary>
public enum Corner { TopLeft, TopRight, BottomLeft, BottomRight }

/// <summary>
/// A set of grid cells, already resolved against concrete parameter values.
/// Negative coordinates count from the far edge (-1 is the last column/row);
/// <see cref="RegionMath"/> turns a region into concrete cells for a given grid.
/// </summary>
public abstract record RegionModel;

public sealed record AnywhereRegion : RegionModel;

/// <summary>The <c>Size x Size</c> square in a corner.</summary>
public sealed record CornerRegion(Corner Corner, int Size) : RegionModel;

/// <summary>One cell: column <c>X</c>, row <c>Y</c>, 0-based from the top-left.</summary>
public sealed record CellRegion(int X, int Y) : RegionModel;

public sealed record RectRegion(int X, int Y, int Width, int Height) : RegionModel;

/// <summary>Rows <c>From..To</c>, inclusive.</summary>
public sealed record RowsRegion(int From, int To) : RegionModel;

/// <summary>Columns <c>From..To</c>, inclusive.</summary>
public sealed record ColumnsRegion(int From, int To) : RegionModel;

/// <summary><c>Left except Right</c>: set difference.</summary>
public sealed record DifferenceRegion(RegionModel Left, RegionModel Right) : RegionModel;

/// <summary>An explicit list of cells, e.g. every cell a layout legend marks as agent spawn.</summary>
public sealed record CellsRegion(IReadOnlyList<(int X, int Y)> Cells) : RegionModel;

/// <summary><c>a or b or c</c>: every cell of any part.</summary>
public sealed record UnionRegion(IReadOnlyList<RegionModel> Parts) : RegionModel;

/// <summary>
/// <c>near(anchor, distance)</c>: the cells at most <c>Distance</c> steps from an <c>Anchor</c> (the agent or
/// an item kind), counted along free cells around walls, the anchor's own cell excluded. Relative: which cells
/// it holds is known only once the anchor is placed, so it is a spawn region and never a reward target.
/// </summary>
public sealed record NearRegion(string Anchor, int Distance) : RegionModel;

/// <summary>
/// <c>on(anchor)</c>: the cells of the items of kind <c>Anchor</c>, so what spawns there shares a cell with one of them
/// (the cheese on the dish). Relative like <see cref="NearRegion"/>: placed after its anchor, a spawn region of items only.
/// </summary>
public sealed record OnRegion(string Anchor) : RegionModel;

/// <summary>Where the anchors of relative regions were placed, for <see cref="RegionMath.Contains(RegionModel, int, int, int, int, IPlacedAnchors?)"/>.</summary>
public interface IPlacedAnchors
{
    /// <summary>Whether cell (x, y) is within <paramref name="distance"/> steps of a placed <paramref name="anchor"/> and not on one.</summary>
    bool IsNear(string anchor, int distance, int x, int y);

    /// <summary>Whether an item of kind <paramref name="anchor"/> was placed on cell (x, y).</summary>
    bool IsOn(string anchor, int x, int y);
}
