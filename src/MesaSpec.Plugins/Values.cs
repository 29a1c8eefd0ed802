namespace MesaSpec.Language.Model;

/// <summary>
/// A cell as written, <c>cell(x, y)</c>: x the column, y the row, 0-based; a negative index counts from the end
/// (<c>cell(-1, -1)</c> is the bottom-right cell), resolved against the grid where the grid is known.
/// </summary>
public readonly record struct GridCell(long X, long Y)
{
    /// <summary>The cell index <c>y * width + x</c> on a width x height grid, or -1 when it lies outside.</summary>
    public int IndexOn(int width, int height)
    {
        var x = X < 0 ? width + X : X;
        var y = Y < 0 ? height + Y : Y;
        return x < 0 || y < 0 || x >= width || y >= height ? -1 : (int)(y * width + x);
    }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cell({X}, {Y})");
}

/// <summary>
/// A fully evaluated argument value: <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="string"/> (also for bare symbols such as <c>relu</c>), <see cref="GridCell"/>, or a read-only list of values.
/// </summary>
public readonly record struct Value(object Raw)
{
    public long AsInt() => Raw switch
    {
        long l => l,
        double d when d == Math.Floor(d) => (long)d,
        _ => throw new InvalidOperationException($"{Raw} is not an int"),
    };

    public double AsFloat() => Raw switch
    {
        long l => l,
        double d => d,
        _ => throw new InvalidOperationException($"{Raw} is not a number"),
    };

    public bool AsBool() => Raw is bool b ? b : throw new InvalidOperationException($"{Raw} is not a bool");

    public string AsString() => Raw as string ?? throw new InvalidOperationException($"{Raw} is not a string");

    public GridCell AsCell() => Raw is GridCell c ? c : throw new InvalidOperationException($"{Raw} is not a cell");

    public IReadOnlyList<Value> AsList() => Raw as IReadOnlyList<Value> ?? throw new InvalidOperationException($"{Raw} is not a list");

    public override string ToString() => Raw switch
    {
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IReadOnlyList<Value> list => "[" + string.Join(", ", list) + "]",
        _ => Convert.ToString(Raw, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>
/// A component call with every parameter of its schema filled in (declared value or default),
/// e.g. <c>ppo(steps: 200000, lr: 0.0003, ...)</c>. Runtime components read their settings from here.
/// </summary>
public sealed record ComponentModel(string Name, IReadOnlyDictionary<string, Value> Arguments)
{
    /// <summary>The descriptor the call was bound against (null for a model built by hand, e.g. in tests).</summary>
    public MesaSpec.Language.Catalogue.ComponentDescriptor? Descriptor { get; init; }

    /// <summary>
    /// The implementation the binder's catalogue paired with the descriptor, or null when the catalogue holds
    /// descriptors only (the language server) or the model was built by hand; layers then fall back to their
    /// built-in registry.
    /// </summary>
    public MesaSpec.Language.Catalogue.IComponentEntry? Entry { get; init; }

    /// <summary>The value of the descriptor's budget parameter, or null when the component declares none.</summary>
    public long? Budget => Descriptor?.Budget is { } budget && Arguments.TryGetValue(budget, out var value) ? value.AsInt() : null;

    /// <summary>The value of the descriptor's discount parameter, or null when the component declares none.</summary>
    public double? Discount => Descriptor?.Discount is { } discount && Arguments.TryGetValue(discount, out var value) ? value.AsFloat() : null;

    /// <summary>This call with its budget parameter set to <paramref name="steps"/> (unchanged when the descriptor declares no budget).</summary>
    public ComponentModel WithBudget(long steps)
    {
        if (Descriptor?.Budget is not { } budget)
        {
            return this;
        }
        var arguments = Arguments.ToDictionary(a => a.Key, a => a.Value);
        arguments[budget] = new Value(steps);
        return this with { Arguments = arguments };
    }

    public long Int(string name) => Arguments[name].AsInt();
    public double Float(string name) => Arguments[name].AsFloat();
    public bool Bool(string name) => Arguments[name].AsBool();
    public string String(string name) => Arguments[name].AsString();
    public IReadOnlyList<Value> List(string name) => Arguments[name].AsList();

    public override string ToString() =>
        Arguments.Count == 0 ? Name : $"{Name}({string.Join(", ", Arguments.Select(a => $"{a.Key}: {a.Value}"))})";
}
