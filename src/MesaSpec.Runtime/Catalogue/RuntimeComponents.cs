using MesaSpec.Language.Catalogue;

namespace MesaSpec.Runtime.Catalogue;

/// <summary>
/// The models and algorithms the runtime can build. Their parameter schemas (types, defaults, ranges, docs)
/// are the Language catalogue's, so the binder, the language server and training read one definition; this
/// class only says which of those components have a TorchSharp implementation.
/// </summary>
public static class RuntimeComponents
{
    public static IReadOnlyList<string> Models { get; } = ["mlp", "cnn"];

    public static IReadOnlyList<string> Algorithms { get; } = ["ppo", "a2c"];

    /// <summary>The schema of a component the runtime implements, or null when it has no builder for it.</summary>
    public static ComponentDescriptor? Find(string name, ComponentKind kind, ComponentCatalog? catalog = null) =>
        Implemented(kind).Contains(name) ? (catalog ?? ComponentCatalog.Default).Find(kind, name) : null;

    public static IReadOnlyList<string> Implemented(ComponentKind kind) => kind switch
    {
        ComponentKind.Model => Models,
        ComponentKind.Algorithm => Algorithms,
        _ => [],
    };
}
