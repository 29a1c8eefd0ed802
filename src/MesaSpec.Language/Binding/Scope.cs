using MesaSpec.Language.Model;

namespace MesaSpec.Language.Binding;

/// <summary>Parameter values visible while evaluating one declaration's members.</summary>
internal sealed class Scope
{
    private readonly Dictionary<string, (ParameterSymbol Symbol, Value? Value)> _values;

    public Scope(IEnumerable<(ParameterSymbol Symbol, Value? Value)> values)
    {
        _values = [];
        foreach (var entry in values)
        {
            _values[entry.Symbol.Name] = entry;
        }
    }

    public static Scope Empty { get; } = new([]);

    public bool TryGet(string name, out ParameterSymbol symbol, out Value? value)
    {
        if (_values.TryGetValue(name, out var entry))
        {
            symbol = entry.Symbol;
            value = entry.Value;
            return true;
        }
        symbol = null!;
        value = null;
        return false;
    }

    public IEnumerable<string> Names => _values.Keys;

    public IReadOnlyDictionary<string, Value> Values =>
        _values.Where(v => v.Value.Value is not null).ToDictionary(v => v.Key, v => v.Value.Value!.Value);
}
