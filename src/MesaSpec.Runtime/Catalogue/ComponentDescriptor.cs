namespace MesaSpec.Runtime.Catalogue;

/// <summary>What a catalogue component is used as in a spec (<c>train ... with MODEL using ALGORITHM</c>).</summary>
public enum ComponentKind { Model, Algorithm }

/// <summary>The value type of one component parameter, as the binder checks it.</summary>
public enum ParameterType { Int, Float, Bool, String, IntList }

/// <summary>
/// One parameter of a component. <see cref="Default"/> is written as it would appear in a spec
/// (<c>128</c>, <c>0.0003</c>, <c>true</c>, <c>"tanh"</c> is written <c>tanh</c>, <c>[128, 128]</c>).
/// </summary>
public sealed record ParameterDescriptor(string Name, ParameterType Type, string Default, string Doc);

/// <summary>
/// The schema of a Runtime component: plain data the Language catalogue can register (completion, hover,
/// binder checks) without referencing TorchSharp.
/// </summary>
public sealed record ComponentDescriptor(string Name, ComponentKind Kind, IReadOnlyList<ParameterDescriptor> Parameters, string Doc)
{
    public ParameterDescriptor Parameter(string name) =>
        Parameters.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"component '{Name}' has no parameter '{name}'", nameof(name));
}
