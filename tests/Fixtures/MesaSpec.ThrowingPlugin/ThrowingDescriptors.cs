using MesaSpec.Language.Catalogue;
using MesaSpec.ThrowingPlugin;

[assembly: ComponentDescriptors(typeof(ThrowingDescriptors))]

namespace MesaSpec.ThrowingPlugin;

/// <summary>A plugin with a bug: asking it for its components throws.</summary>
public sealed class ThrowingDescriptors : IComponentProvider
{
    public IEnumerable<ComponentDescriptor> GetComponents() => throw new InvalidOperationException("the plugin's descriptors are broken");
}
