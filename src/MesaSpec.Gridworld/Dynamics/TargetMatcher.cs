using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Dynamics;

/// <summary>Which item kinds and cells of an environment an objective's target denotes.</summary>
public static class TargetMatcher
{
    public static bool MatchesKind(TargetModel? target, ItemModel kind) => target switch
    {
        KindTarget k => string.Equals(k.Kind, kind.Kind, StringComparison.Ordinal),
        AttributeTarget a => (a.Kind is null || string.Equals(a.Kind, kind.Kind, StringComparison.Ordinal))
                             && (a.Colour is null || string.Equals(a.Colour, kind.Colour, StringComparison.Ordinal))
                             && (a.Shape is null || string.Equals(a.Shape, kind.Shape, StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>Whether any item kind of the environment matches (a region target always can).</summary>
    public static bool CanMatchAny(TargetModel? target, EnvironmentModel environment) => target switch
    {
        null or RegionTarget => true,
        _ => environment.Items.Any(k => (k.FixedCells?.Count ?? k.Count) > 0 && MatchesKind(target, k)),
    };

    /// <summary>How the target reads in a message.</summary>
    public static string Describe(TargetModel? target) => target switch
    {
        null => "each step",
        KindTarget k => k.Kind,
        AttributeTarget a => "item(" + string.Join(", ", new[] { a.Kind is null ? null : $"kind: {a.Kind}", a.Colour is null ? null : $"colour: {a.Colour}", a.Shape is null ? null : $"shape: {a.Shape}" }.Where(s => s is not null)) + ")",
        RegionTarget r => RegionText.Describe(r.Region),
        _ => target.ToString(),
    };
}
