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
    IReadOnlyList<IReadOnlyList<BehaviourSample>> Samples);
