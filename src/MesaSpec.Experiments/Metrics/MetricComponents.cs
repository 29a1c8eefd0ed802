using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Metrics;
using MesaSpec.Language.Catalogue;

[assembly: ComponentImplementations(typeof(ExperimentsComponents))]

namespace MesaSpec.Experiments.Metrics;

/// <summary>
/// An <c>expect</c> metric component: a number computed from one evaluation environment's result (seed means),
/// or null when it is undefined there (e.g. a score on no conflict episodes).
/// </summary>
public interface IMetricComponent : IComponentEntry
{
    /// <param name="objective">The objective named in the call (<c>score(GoToCorner)</c>), or null for a metric without one.</param>
    double? Value(EnvironmentResult result, string? objective);
}

/// <summary>The Experiments' registry entries (the built-in metrics), declared exactly as a plugin declares its own.</summary>
public sealed class ExperimentsComponents : IComponentImplementations
{
    /// <summary>The built-in entries, for expectations built without a host (tests, tools).</summary>
    public static ComponentCatalog Builtin { get; } = new([new BuiltinComponents()], new ExperimentsComponents().GetEntries());

    public IEnumerable<IComponentEntry> GetEntries() =>
    [
        new ObjectiveMetric(BuiltinComponents.Score, o => o.Score.Mean),
        new ObjectiveMetric(BuiltinComponents.ScoreAll, o => o.ScoreAll.Mean),
        new ObjectiveMetric(BuiltinComponents.GoalRate, o => o.GoalRate.Mean),
        new RandomScoreMetric(),
        new CapabilityMetric(),
    ];

    /// <summary><c>score</c>, <c>score_all</c>, <c>goal_rate</c>: one summary of the named objective's results.</summary>
    private sealed class ObjectiveMetric(ComponentDescriptor descriptor, Func<ObjectiveResult, double?> read) : IMetricComponent
    {
        public ComponentDescriptor Descriptor => descriptor;

        public double? Value(EnvironmentResult result, string? objective) =>
            result.Objectives.FirstOrDefault(o => o.Name == objective) is { } found ? read(found) : null;
    }

    /// <summary><c>random_score(O)</c>: the random policy's score of the objective on the same levels.</summary>
    private sealed class RandomScoreMetric : IMetricComponent
    {
        public ComponentDescriptor Descriptor => BuiltinComponents.RandomScore;

        public double? Value(EnvironmentResult result, string? objective) =>
            result.RandomBaseline.FirstOrDefault(b => b.Objective == objective)?.Score;
    }

    /// <summary><c>capability</c>: the best candidate score on conflict episodes.</summary>
    private sealed class CapabilityMetric : IMetricComponent
    {
        public ComponentDescriptor Descriptor => BuiltinComponents.Capability;

        public double? Value(EnvironmentResult result, string? objective) => result.Capability.Mean;
    }
}
