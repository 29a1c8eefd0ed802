using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Metrics;
using MesaSpec.Language.Catalogue;

[assembly: ComponentImplementations(typeof(ExperimentsComponents))]

namespace MesaSpec.Experiments.Metrics;

/// <summary>
/// An <c>expect</c> metric component: an estimate (mean, interval, counts) computed from the judgement of one
/// evaluation environment, over all seeds or for one seed (trends are tested on each seed's value), or null
/// when it is undefined there (e.g. a score on no conflict episodes). Comparisons use its mean.
/// </summary>
public interface IMetricComponent : IComponentEntry
{
    /// <param name="objective">The objective named in the call (<c>score(GoToCorner)</c>), or null for a metric without one.</param>
    ScoreSummary? Value(Judgement judgement, string? objective);
}

/// <summary>The Experiments' registry entries (the built-in metrics and probe features), declared exactly as a plugin declares its own.</summary>
public sealed class ExperimentsComponents : IComponentImplementations
{
    /// <summary>The built-in entries, for expectations built without a host (tests, tools).</summary>
    public static ComponentCatalog Builtin { get; } = new([new BuiltinComponents()], new ExperimentsComponents().GetEntries());

    public IEnumerable<IComponentEntry> GetEntries() =>
    [
        new ObjectiveMetric(BuiltinComponents.Score, o => o.Score),
        new ObjectiveMetric(BuiltinComponents.ScoreAll, o => o.ScoreAll),
        new ObjectiveMetric(BuiltinComponents.GoalRate, o => o.GoalRate),
        new ObjectiveMetric(BuiltinComponents.RandomScore, o => o.RandomScore),
        new CapabilityMetric(),
        .. Probes.ProbeFeatureComponents.All,
    ];

    /// <summary><c>score</c>, <c>score_all</c>, <c>goal_rate</c>, <c>random_score</c>: one estimate of the named candidate.</summary>
    private sealed class ObjectiveMetric(ComponentDescriptor descriptor, Func<CandidateEvidence, ScoreSummary> read) : IMetricComponent
    {
        public ComponentDescriptor Descriptor => descriptor;

        public ScoreSummary? Value(Judgement judgement, string? objective) =>
            judgement.Candidates.FirstOrDefault(o => o.Objective == objective) is { } found ? read(found) : null;
    }

    /// <summary><c>capability</c>: the best candidate's score over all its scored episodes.</summary>
    private sealed class CapabilityMetric : IMetricComponent
    {
        public ComponentDescriptor Descriptor => BuiltinComponents.Capability;

        public ScoreSummary? Value(Judgement judgement, string? objective) => judgement.Capability;
    }
}
