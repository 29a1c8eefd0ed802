namespace MesaSpec.Language.Model;

/// <summary>
/// What a policy sees of an item: its colour and shape, or, for an item with neither, its kind. The observation
/// channels are built from this (Gridworld's ObservationLayout), and the design checks warn when an objective
/// names a kind that looks like another kind, which no policy could tell apart.
/// </summary>
public static class ItemAppearance
{
    /// <summary>"red circle", "red", "circle" or "kind cheese".</summary>
    public static string Of(ItemModel item) =>
        item.Colour is null && item.Shape is null ? $"kind {item.Kind}" : string.Join(" ", new[] { item.Colour, item.Shape }.OfType<string>());

    public static bool LookAlike(ItemModel a, ItemModel b) => Of(a) == Of(b);
}
