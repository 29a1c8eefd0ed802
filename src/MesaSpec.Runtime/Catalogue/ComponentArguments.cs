using System.Globalization;
using MesaSpec.Experiments.Training;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;

namespace MesaSpec.Runtime.Catalogue;

/// <summary>
/// Reads a component's arguments by name, falling back to the schema default when the binder left one out,
/// and turns a wrong type or an out-of-range value into a <see cref="TrainingFailedException"/> with a code.
/// </summary>
public sealed class ComponentArguments(ComponentModel component, ComponentDescriptor schema)
{
    public string Name => component.Name;

    public int PositiveInt(string name) => RangeChecked(name, Int(name), v => v >= 1, "must be at least 1");

    public double PositiveFloat(string name) => RangeChecked(name, Float(name), v => v > 0 && double.IsFinite(v), "must be a positive number");

    public double NonNegativeFloat(string name) => RangeChecked(name, Float(name), v => v >= 0 && double.IsFinite(v), "must be zero or positive");

    public double UnitFloat(string name) => RangeChecked(name, Float(name), v => v >= 0 && v <= 1, "must lie in [0, 1]");

    public int Int(string name)
    {
        var value = Read(name, v => v.AsInt());
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Invalid(name, value, "is too large");
    }

    public double Float(string name) => Read(name, v => v.AsFloat());

    public string String(string name) => Read(name, v => v.AsString());

    public IReadOnlyList<int> PositiveIntList(string name)
    {
        var list = Read(name, v => v.AsList().Select(item => item.AsInt()).ToList());
        return list.All(v => v is >= 1 and <= int.MaxValue)
            ? list.Select(v => (int)v).ToList()
            : throw Invalid(name, "[" + string.Join(", ", list) + "]", "must hold whole numbers of at least 1");
    }

    public T RangeChecked<T>(string name, T value, Func<T, bool> valid, string requirement) =>
        valid(value) ? value : throw Invalid(name, value, requirement);

    public TrainingFailedException Invalid(string name, object? value, string requirement) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{RuntimeErrors.InvalidArgument}: {component.Name}({name}: {value}): '{name}' {requirement}"));

    private T Read<T>(string name, Func<Value, T> convert)
    {
        var value = component.Arguments.TryGetValue(name, out var given) ? given : DefaultOf(name);
        try
        {
            return convert(value);
        }
        catch (InvalidOperationException)
        {
            throw new TrainingFailedException(
                $"{RuntimeErrors.WrongArgumentType}: {component.Name}({name}: {value}): '{name}' must be of type {Describe(name)}");
        }
    }

    /// <summary>The binder fills defaults in; this fallback serves models built by hand (tests, tools).</summary>
    private Value DefaultOf(string name) =>
        schema.Find(name)?.Default
        ?? throw new TrainingFailedException($"{RuntimeErrors.InvalidArgument}: {component.Name}(...): '{name}' is required");

    private string Describe(string name) => schema.Find(name)?.Type.ToString() ?? "a value";
}
