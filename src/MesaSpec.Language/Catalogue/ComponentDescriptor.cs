using MesaSpec.Language.Model;

namespace MesaSpec.Language.Catalogue;

/// <summary>The slots a component can fill in a spec.</summary>
public enum ComponentKind
{
    /// <summary><c>walls maze(...)</c>: a wall generator.</summary>
    Walls,
    /// <summary><c>train on ... with mlp(...)</c>: the learned model (the would-be mesa-optimizer).</summary>
    Model,
    /// <summary><c>using ppo(...)</c>: the base optimizer.</summary>
    Algorithm,
}

/// <summary>
/// One parameter of a component: its type, its default (null when required), documentation, and an
/// optional valid range or set of choices that the binder enforces.
/// </summary>
public sealed record ComponentParameter(
    string Name,
    MesaType Type,
    Value? Default,
    string Doc,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Choices = null)
{
    public string Signature => Default is { } d ? $"{Name}: {Type} = {Format(d)}" : $"{Name}: {Type}";

    private static string Format(Value v) => v.Raw is string s ? $"\"{s}\"" : v.ToString();
}

/// <summary>A named, documented, typed component that specs call, e.g. <c>ppo(steps: 1M)</c>.</summary>
public sealed record ComponentDescriptor(string Name, ComponentKind Kind, string Doc, IReadOnlyList<ComponentParameter> Parameters)
{
    public ComponentParameter? Find(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    public string Signature => $"{Name}({string.Join(", ", Parameters.Select(p => p.Signature))})";
}

/// <summary>
/// Supplies components. Built-ins implement this exactly as an external plugin assembly would,
/// so adding a component never touches the binder.
/// </summary>
public interface IComponentProvider
{
    IEnumerable<ComponentDescriptor> GetComponents();
}
