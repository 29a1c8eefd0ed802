namespace MesaSpec.Language.Vocabulary;

/// <summary>
/// The words of regions: their functions (<c>corner(top_right, 2)</c>, <c>near(dish, 2)</c>, <c>on(dish)</c>), the corners, and the
/// two operators (<c>a or b</c>, <c>a except b</c>). The parser, the binder and the language server read them from here.
/// </summary>
public static class RegionWords
{
    public const string Anywhere = "anywhere";
    public const string Corner = "corner";
    public const string Cell = "cell";
    public const string Rect = "rect";
    public const string Rows = "rows";
    public const string Columns = "columns";

    /// <summary><c>near(anchor, distance)</c>: relative to where the agent or an item kind was placed.</summary>
    public const string Near = "near";

    /// <summary><c>on(kind)</c>: on the cells of an item kind, sharing them (the cheese on the dish).</summary>
    public const string On = "on";

    /// <summary>The functions whose first argument is an anchor (the agent or an item kind) rather than a number.</summary>
    public static IReadOnlyList<string> Relative { get; } = [Near, On];

    /// <summary>Union; binds tighter than <see cref="Except"/>: <c>a or b except c</c> is <c>(a or b) except c</c>.</summary>
    public const string Or = "or";

    public const string Except = "except";

    /// <summary>The anchor word for the agent in <c>near(agent, d)</c>.</summary>
    public const string Agent = "agent";

    /// <summary>The largest distance <c>near</c> accepts (a path on a 64 x 64 grid is shorter).</summary>
    public const int MaxNearDistance = 4096;

    public static IReadOnlyList<string> Functions { get; } = [Anywhere, Corner, Cell, Rect, Rows, Columns, Near, On];

    public static IReadOnlyList<string> CornerNames { get; } = ["top_left", "top_right", "bottom_left", "bottom_right"];

    public static IReadOnlyList<string> Operators { get; } = [Or, Except];
}
