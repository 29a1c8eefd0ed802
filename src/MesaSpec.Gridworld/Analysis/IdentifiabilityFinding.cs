namespace MesaSpec.Gridworld.Analysis;

/// <summary>What an identifiability finding is about; the lead maps each kind to an MS3xxx diagnostic.</summary>
public enum IdentifiabilityFindingKind
{
    /// <summary>No sampled level of any evaluation environment separates the mesa objective from the base objective.</summary>
    MesaObjectiveIndistinguishable,
    /// <summary>Every evaluation environment is the training environment (no distributional shift).</summary>
    NoDistributionShift,
    /// <summary>An objective's item target matches no item of any environment of the experiment.</summary>
    TargetNeverSpawns,
    /// <summary>Levels of an environment cannot be generated (e.g. a spawn region with too few free cells).</summary>
    LevelGenerationFailed,
    /// <summary>The exact planner cannot solve levels of an environment within its state limit.</summary>
    PlannerLimitExceeded,
    /// <summary>Before planning: the state estimate of an environment's levels exceeds the planner's cap, and a sampled level does.</summary>
    PlannerStatesOverCap,
}

/// <summary>
/// One finding. <see cref="Objective"/>, <see cref="Environment"/> and <see cref="Subject"/> (an item kind,
/// target or generator) name what is involved, when relevant, so a diagnostic can point at the declaration.
/// </summary>
public sealed record IdentifiabilityFinding(IdentifiabilityFindingKind Kind, string Message, string? Objective = null, string? Environment = null, string? Subject = null);

/// <summary>How often sampled levels of an evaluation environment separate a mesa objective from the base objective.</summary>
public sealed record ConflictRate(string Objective, string Environment, int SampledLevels, int SeparatingLevels);

public sealed record IdentifiabilityReport(IReadOnlyList<IdentifiabilityFinding> Findings, IReadOnlyList<ConflictRate> ConflictRates);
