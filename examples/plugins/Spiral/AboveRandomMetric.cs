using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Metrics;
using MesaSpec.Language.Catalogue;

namespace MesaSpec.Examples.Spiral;

/// <summary><c>above_random(Objective)</c>: the registry entry of the metric, usable in <c>expect</c> lines.</summary>
public sealed class AboveRandomMetric : IMetricComponent
{
    public ComponentDescriptor Descriptor => SpiralDescriptors.AboveRandom;

    public double? Value(EnvironmentResult result, string? objective) =>
        result.Objectives.FirstOrDefault(o => o.Name == objective)?.ScoreAll.Mean is { } model
        && result.RandomBaseline.FirstOrDefault(b => b.Objective == objective) is { } random
            ? model - random.ScoreAll
            : null;
}
