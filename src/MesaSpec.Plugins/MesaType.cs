namespace MesaSpec.Language.Catalogue;

/// <summary>The type of a parameter or value: int, float, bool, string, cell, or a list of one of these.</summary>
public sealed record MesaType(string Name, MesaType? Element = null)
{
    public static readonly MesaType Int = new("int");
    public static readonly MesaType Float = new("float");
    public static readonly MesaType Bool = new("bool");
    public static readonly MesaType String = new("string");

    /// <summary>A cell of the grid, written <c>cell(x, y)</c> (a negative index counts from the end, as in regions).</summary>
    public static readonly MesaType Cell = new("cell");

    /// <summary>The name of one of the experiment's objectives (a metric's argument); not written in parameter lists.</summary>
    public static readonly MesaType Objective = new("objective");

    public static MesaType ListOf(MesaType element) => new("list", element);

    public bool IsList => Element is not null;

    /// <summary>Parses a type as written in a parameter list; null when unknown.</summary>
    public static MesaType? FromSyntax(string name, bool isList)
    {
        MesaType? scalar = name switch
        {
            "int" => Int,
            "float" => Float,
            "bool" => Bool,
            "string" => String,
            _ => null,
        };
        return scalar is null ? null : isList ? ListOf(scalar) : scalar;
    }

    public override string ToString() => IsList ? $"[{Element}]" : Name;
}
