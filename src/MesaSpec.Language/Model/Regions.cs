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
