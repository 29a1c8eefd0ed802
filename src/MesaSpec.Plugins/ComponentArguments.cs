using System.Globalization;
using MesaSpec.Language.Model;

namespace MesaSpec.Language.Catalogue;

/// <summary>Codes of the errors an implementation raises for arguments it cannot use (MS4xxx: running).</summary>
public static class ComponentErrors
{
    /// <summary>An argument has the wrong type for its parameter.</summary>
    public const string WrongArgumentType = "MS4002";

    /// <summary>An argument is outside the range its parameter accepts.</summary>
    public const string InvalidArgument = "MS4003";
}

/// <summary>An argument an implementation cannot use; the message starts with its code.</summary>
public sealed class ComponentArgumentException(string message) : Exception(message);

/// <summary>
/// Reads a component's arguments by name, falling back to the descriptor's default when the binder left one out,
/// and turns a wrong type or an out-of-range value into a <see cref="ComponentArgumentException"/> with a code.
/// </summary>
public sealed class ComponentArguments(ComponentModel component, ComponentDescriptor descriptor)
{
    public string Name => component.Name;

    public ComponentDescriptor Descriptor => descriptor;

    public int PositiveInt(string name) => RangeChecked(name, Int(name), v => v >= 1, "must be at least 1");

    public double PositiveFloat(string name) => RangeChecked(name, Float(name), v => v > 0 && double.IsFinite(v), "must be a positive number");

    public double NonNegativeFloat(string name) => RangeChecked(name, Float(name), v => v >= 0 && double.IsFinite(v), "must be zero or positive");

    public double UnitFloat(string name) => RangeChecked(name, Float(name), v => v >= 0 && v <= 1, "must lie in [0, 1]");

    public int Int(string name)
    {
        var value = Read(name, v => v.AsInt());
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Invalid(name, value, "is too large");
    }

    public long Long(string name) => Read(name, v => v.AsInt());

    public double Float(string name) => Read(name, v => v.AsFloat());

    public string String(string name) => Read(name, v => v.AsString());

    public bool Bool(string name) => Read(name, v => v.AsBool());

    /// <summary>A string that must be one of the parameter's declared choices (the descriptor is the one list).</summary>
    public string Choice(string name)
    {
        var choices = descriptor.Find(name)?.Choices ?? [];
        return RangeChecked(name, String(name), choices.Contains, "must be one of " + string.Join(", ", choices));
    }

    public IReadOnlyList<string> StringList(string name) => Read(name, v => v.AsList().Select(item => item.AsString()).ToList());

    public IReadOnlyList<GridCell> CellList(string name) => Read(name, v => v.AsList().Select(item => item.AsCell()).ToList());

    public IReadOnlyList<int> PositiveIntList(string name)
    {
        var list = Read(name, v => v.AsList().Select(item => item.AsInt()).ToList());
        return list.All(v => v is >= 1 and <= int.MaxValue)
            ? list.Select(v => (int)v).ToList()
            : throw Invalid(name, "[" + string.Join(", ", list) + "]", "must hold whole numbers of at least 1");
    }

    public T RangeChecked<T>(string name, T value, Func<T, bool> valid, string requirement) =>
        valid(value) ? value : throw Invalid(name, value, requirement);

    public ComponentArgumentException Invalid(string name, object? value, string requirement) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{ComponentErrors.InvalidArgument}: {component.Name}({name}: {value}): '{name}' {requirement}"));

    private T Read<T>(string name, Func<Value, T> convert)
    {
        var value = component.Arguments.TryGetValue(name, out var given) ? given : DefaultOf(name);
        try
        {
            return convert(value);
        }
        catch (InvalidOperationException)
        {
            throw new ComponentArgumentException(
                $"{ComponentErrors.WrongArgumentType}: {component.Name}({name}: {value}): '{name}' must be of type {Describe(name)}");
        }
    }

    /// <summary>The binder fills defaults in; this fallback serves models built by hand (tests, tools).</summary>
    private Value DefaultOf(string name) =>
        descriptor.Find(name)?.Default
        ?? throw new ComponentArgumentException($"{ComponentErrors.InvalidArgument}: {component.Name}(...): '{name}' is required");

    private string Describe(string name) => descriptor.Find(name)?.Type.ToString() ?? "a value";
}
