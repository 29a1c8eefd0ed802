namespace MesaSpec.Language.Catalogue;

/// <summary>
/// A component's implementation paired with its descriptor: one registry entry. The kind-specific contracts
/// (<see cref="IWallGeneratorComponent"/> here, models and algorithms in MesaSpec.Runtime) extend it.
/// </summary>
public interface IComponentEntry
{
    ComponentDescriptor Descriptor { get; }
}

/// <summary>Supplies an assembly's implementation entries; named by <see cref="ComponentImplementationsAttribute"/>.</summary>
public interface IComponentImplementations
{
    IEnumerable<IComponentEntry> GetEntries();
}

/// <summary>
/// Names a type of this assembly that implements <see cref="IComponentProvider"/> (descriptors only). The language
/// server instantiates only these types, so they must not touch native code or TorchSharp.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ComponentDescriptorsAttribute(Type provider) : Attribute
{
    public Type Provider { get; } = provider;
}

/// <summary>
/// Names a type of this assembly that implements <see cref="IComponentImplementations"/>. Loaded only by the
/// command line and the snapshot tests, never by the language server.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ComponentImplementationsAttribute(Type implementations) : Attribute
{
    public Type Implementations { get; } = implementations;
}
