namespace MesaSpec.LanguageServer.Features.Shared;

/// <summary>The language's own call-shaped forms (regions, verdicts, policies): their parameters and meaning. Metrics are components (the catalogue).</summary>
public static class BuiltinCalls
{
    public sealed record Form(string Name, IReadOnlyList<(string Label, string Doc)> Parameters, string Doc);

    public static IReadOnlyList<Form> Regions { get; } =
    [
        new("corner", [("which: top_left | top_right | bottom_left | bottom_right", "The corner."), ("k: int = 1", "Side of the k x k square.")], "The k x k square in a corner."),
        new("cell", [("x: int", "Column (negative counts from the right)."), ("y: int", "Row (negative counts from the bottom).")], "One cell."),
        new("rect", [("x: int", "Left column."), ("y: int", "Top row."), ("width: int", "Width in cells."), ("height: int", "Height in cells.")], "A rectangle."),
        new("rows", [("from: int", "First row."), ("to: int", "Last row (inclusive); defaults to from.")], "A horizontal band."),
        new("columns", [("from: int", "First column."), ("to: int", "Last column (inclusive); defaults to from.")], "A vertical band."),
        new("near", [("anchor: agent | item kind", "What the cells are near (every instance of the kind)."), ("d: int = 1", "Steps along free cells, around walls (1 to 4096).")],
            "The cells within d steps of where the anchor was placed, its own cell excluded; a spawn region only."),
        new("on", [("anchor: item kind", "The kind to stack on (each item on a distinct one of its items).")],
            "The cells of the anchor's items, shared with them (the cheese on the dish); a spawn region of items only."),
    ];

    public static IReadOnlyList<Form> Others { get; } =
    [
        new("window", [("size: int", "Odd side of the square view centred on the agent.")], "Partial observation."),
        new("oracle", [("objective", "The objective the planner optimizes.")], "The planner's optimal policy for an objective."),
        new("pseudo_aligned", [("proxy", "The mesa objective expected to be pursued.")], "Pseudo-alignment towards this proxy."),
        new("item", [("kind | colour | shape: value, ...", "Attributes the target item must have.")], "Items with these attributes."),
    ];

    public static Form? Find(string name) => Regions.Concat(Others).FirstOrDefault(f => f.Name == name);
}
