using System.Globalization;
using MesaSpec.Experiments.Training;
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
                $"{RuntimeErrors.WrongArgumentType}: {component.Name}({name}: {value}): '{name}' must be {Describe(schema.Parameter(name).Type)}");
        }
    }

    private Value DefaultOf(string name) => ParseDefault(schema.Parameter(name));

    /// <summary>Turns a schema default (spec notation) into a value.</summary>
    internal static Value ParseDefault(ParameterDescriptor parameter) => parameter.Type switch
    {
        ParameterType.Int => new Value(long.Parse(parameter.Default, CultureInfo.InvariantCulture)),
        ParameterType.Float => new Value(double.Parse(parameter.Default, CultureInfo.InvariantCulture)),
        ParameterType.Bool => new Value(bool.Parse(parameter.Default)),
        ParameterType.String => new Value(parameter.Default),
        ParameterType.IntList => new Value(parameter.Default.Trim('[', ']')
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => new Value(long.Parse(item, CultureInfo.InvariantCulture)))
            .ToList()),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter.Type, "unknown parameter type"),
    };

    private static string Describe(ParameterType type) => type switch
    {
        ParameterType.Int => "an int",
        ParameterType.Float => "a number",
        ParameterType.Bool => "true or false",
        ParameterType.String => "a name",
        _ => "a list of ints",
    };
}
