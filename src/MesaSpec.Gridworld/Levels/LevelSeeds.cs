namespace MesaSpec.Gridworld.Levels;

/// <summary>
/// Salts that keep the random streams of different purposes apart, so that e.g. the evaluation levels
/// never coincide with the levels a training run saw, whatever the seeds.
/// </summary>
public static class LevelSeeds
{
    /// <summary>Levels generated afresh for every training episode.</summary>
    public const ulong TrainingSalt = 0x7A1E_0001_0000_0001UL;

    /// <summary>The fixed evaluation levels of an evaluation environment.</summary>
    public const ulong EvaluationSalt = 0x7A1E_0002_0000_0002UL;

    /// <summary>The finite level set of an environment with <c>levels N</c>.</summary>
    public const ulong FiniteSetSalt = 0x7A1E_0003_0000_0003UL;

    /// <summary>Choosing which level of a finite set an episode uses.</summary>
    public const ulong SamplingSalt = 0x7A1E_0004_0000_0004UL;

    /// <summary>Choosing which environment of a training mixture an episode draws its level from.</summary>
    public const ulong MixtureSalt = 0x7A1E_0005_0000_0005UL;

    /// <summary>A curriculum's choices per episode: whether to replay a level, and which.</summary>
    public const ulong CurriculumSalt = 0x7A1E_0006_0000_0006UL;

    /// <summary>
    /// The seed of an environment's finite level set. It does not depend on the training seed, so the
    /// training distribution of <c>levels N</c> is one fixed set of N levels that evaluation can revisit.
    /// </summary>
    public const int FiniteSetSeed = 0;

    /// <summary>The seed of evaluation levels for analyses that are not tied to a training seed (run-time evaluation draws levels per seed).</summary>
    public const int EvaluationSeed = 0;
}
