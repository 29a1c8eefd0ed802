using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Reports;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// Everything one (sweep point, seed) task produced, and all the report needs from it: the seed's result on
/// every evaluation environment (in the spec's order), how it trained (null for reference policies; holds the
/// checkpoint path), and its behaviour samples per environment. Serialisable as it is (<see cref="SeedOutcomeJson"/>),
/// so a task can run in another process or on another machine and be aggregated later.
/// </summary>
public sealed record SeedOutcome(
    int Point,
    int Seed,
    IReadOnlyList<SeedResult> Evaluations,
    TrainingReport? Training,
    IReadOnlyList<IReadOnlyList<BehaviourSample>> Samples)
{
    /// <summary>The seed's probes on every evaluation environment (empty without probes, or for a policy without layers).</summary>
    public IReadOnlyList<Probes.ProbeSeedResult> Probes { get; init; } = [];

    /// <summary>The seed's steered and unsteered scores on every evaluation environment.</summary>
    public IReadOnlyList<Probes.SteeringSeedResult> Steering { get; init; } = [];
}
