using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Metrics;
using MesaSpec.Language.Catalogue;

namespace MesaSpec.Examples.Spiral;

/// <summary><c>above_random(Objective)</c>: the registry entry of the metric, usable in <c>expect</c> lines.</summary>
public sealed class AboveRandomMetric : IMetricComponent
{
    public ComponentDescriptor Descriptor => SpiralDescriptors.AboveRandom;

    /// <summary>The policy's score minus the random policy's, level by level, with its interval.</summary>
    public ScoreSummary? Value(Judgement judgement, string? objective) =>
        judgement.Candidates.FirstOrDefault(o => o.Objective == objective)?.GainOverRandom;
}
