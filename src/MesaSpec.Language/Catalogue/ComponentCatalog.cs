namespace MesaSpec.Language.Catalogue;

/// <summary>
/// The component registry a compilation binds against: descriptors looked up by kind and name, each paired
/// with its implementation entry when the host loaded implementations (the command line and the snapshot tests
/// do; the language server holds descriptors only).
/// </summary>
public sealed class ComponentCatalog
{
    private readonly Dictionary<(ComponentKind, string), ComponentDescriptor> _components = [];
    private readonly Dictionary<(ComponentKind, string), IComponentEntry> _entries = [];

    public ComponentCatalog(IEnumerable<IComponentProvider> providers, IEnumerable<IComponentEntry>? entries = null)
    {
        foreach (var component in providers.SelectMany(p => p.GetComponents()))
        {
            // A later provider may replace a built-in of the same name: that is how a plugin overrides one.
            _components[(component.Kind, component.Name)] = component;
        }
        foreach (var entry in entries ?? [])
        {
            _entries[(entry.Descriptor.Kind, entry.Descriptor.Name)] = entry;
        }
    }

    /// <summary>The built-in descriptors (no implementations): what a compilation without a host binds against.</summary>
    public static ComponentCatalog Default { get; } = new([new BuiltinComponents()]);

    public ComponentDescriptor? Find(ComponentKind kind, string name) => _components.GetValueOrDefault((kind, name));

    /// <summary>The implementation paired with <paramref name="descriptor"/>, or null when none was loaded.</summary>
    public IComponentEntry? EntryOf(ComponentDescriptor descriptor) =>
        _entries.GetValueOrDefault((descriptor.Kind, descriptor.Name));

    /// <summary>The loaded implementation of kind <paramref name="kind"/> named <paramref name="name"/>, as the kind's contract.</summary>
    public T? Entry<T>(ComponentKind kind, string name) where T : class, IComponentEntry =>
        _entries.GetValueOrDefault((kind, name)) as T;

    public IEnumerable<ComponentDescriptor> OfKind(ComponentKind kind) =>
        _components.Values.Where(c => c.Kind == kind).OrderBy(c => c.Name, StringComparer.Ordinal);

    public IEnumerable<ComponentDescriptor> All => _components.Values.OrderBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.Ordinal);

    public IEnumerable<IComponentEntry> Entries => _entries.Values;
}
