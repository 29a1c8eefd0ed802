using MesaSpec.Examples.Spiral;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;

// Descriptors first: the language server reads these (and only these) to complete, document and check
// `walls spiral(...)`, without running any of the plugin's other code.
[assembly: ComponentDescriptors(typeof(SpiralDescriptors))]
[assembly: ComponentImplementations(typeof(SpiralComponents))]

namespace MesaSpec.Examples.Spiral;

/// <summary>The plugin's component descriptors: data only.</summary>
public sealed class SpiralDescriptors : IComponentProvider
{
    public static ComponentDescriptor Spiral { get; } = new("spiral", ComponentKind.Walls,
        "Concentric square walls two cells apart, each with doorways placed at random per level, so the way to the centre winds around.",
        [
            new("doorways", MesaType.Int, new Value(1L), "Doorways in each ring (more doorways, shorter detours).", 1, 4),
        ]);

    public static ComponentDescriptor AboveRandom { get; } = new("above_random", ComponentKind.Metric,
        "How far the model's score over all episodes rises above a uniformly random policy's on the same levels (1 = optimal from nothing, 0 = no better than chance).",
        [new("objective", MesaType.Objective, null, "A base or mesa objective of the experiment.")]);

    public IEnumerable<ComponentDescriptor> GetComponents() => [Spiral, AboveRandom];
}

/// <summary>The plugin's implementation entries, each holding its descriptor.</summary>
public sealed class SpiralComponents : IComponentImplementations
{
    public IEnumerable<IComponentEntry> GetEntries() => [new SpiralWalls(), new AboveRandomMetric()];
}
