using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Probes;

/// <summary>
/// A probe feature component: the feature's value in one state (a class index for <see cref="FeatureKind.Class"/>,
/// a number, or 0/1 for <see cref="FeatureKind.Binary"/>), or null when it is undefined there (that state is left
/// out of the probe's data).
/// </summary>
public interface IProbeFeatureComponent : IComponentEntry
{
    double? Value(ProbeState state, IReadOnlyList<ObjectiveModel> objectives);
}

/// <summary>The built-in probe features: <c>cell_of</c>, <c>distance_to</c>, <c>closer</c>.</summary>
internal static class ProbeFeatureComponents
{
    public static IEnumerable<IComponentEntry> All =>
    [
        new Feature(BuiltinComponents.CellOf, (s, o) => s.Nearest(o[0])?.Cell),
        new Feature(BuiltinComponents.DistanceTo, (s, o) => s.Nearest(o[0])?.Distance),
        new Feature(BuiltinComponents.Closer, (s, o) => (s.Nearest(o[0]), s.Nearest(o[1])) switch
        {
            ({ } first, { } second) when first.Distance != second.Distance => first.Distance < second.Distance ? 1 : 0,
            ({ }, null) => 1,
            (null, { }) => 0,
            _ => null,
        }),
    ];

    private sealed class Feature(ComponentDescriptor descriptor, Func<ProbeState, IReadOnlyList<ObjectiveModel>, double?> value) : IProbeFeatureComponent
    {
        public ComponentDescriptor Descriptor => descriptor;

        public double? Value(ProbeState state, IReadOnlyList<ObjectiveModel> objectives) => value(state, objectives);
    }
}
