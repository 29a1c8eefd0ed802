namespace MesaSpec.Language.Catalogue;

/// <summary>The components a spec may call, looked up by kind and name.</summary>
public sealed class ComponentCatalog
{
    private readonly Dictionary<(ComponentKind, string), ComponentDescriptor> _components = [];

    public ComponentCatalog(IEnumerable<IComponentProvider> providers)
    {
        foreach (var component in providers.SelectMany(p => p.GetComponents()))
        {
            // A later provider may replace a built-in of the same name: that is how a plugin overrides one.
            _components[(component.Kind, component.Name)] = component;
        }
    }

    /// <summary>The built-in walls generators, models and algorithms.</summary>
    public static ComponentCatalog Default { get; } = new([new BuiltinComponents()]);

    public ComponentDescriptor? Find(ComponentKind kind, string name) => _components.GetValueOrDefault((kind, name));

    public IEnumerable<ComponentDescriptor> OfKind(ComponentKind kind) =>
        _components.Values.Where(c => c.Kind == kind).OrderBy(c => c.Name, StringComparer.Ordinal);

    public IEnumerable<ComponentDescriptor> All => _components.Values.OrderBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.Ordinal);
}
