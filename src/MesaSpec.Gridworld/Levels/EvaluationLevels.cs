using MesaSpec.Gridworld.Randomness;

namespace MesaSpec.Gridworld.Levels;

/// <summary>
/// The levels an environment is evaluated on for one seed: drawn per seed (so intervals over seeds include the
/// variance of levels), the same for that seed's policy and its random baseline. An environment with a finite
/// level set (<c>levels N</c>) is evaluated on draws from that set, so evaluating on the training environment
/// means the training levels; <see cref="EvaluationLevelSet.LevelIds"/> then says which of the N levels each
/// episode plays, and episodes on the same level are one cluster for the statistics, not independent samples.
/// </summary>
public static class EvaluationLevels
{
    public static EvaluationLevelSet For(Language.Model.EnvironmentModel environment, int count, int seed)
    {
        var generator = new LevelGenerator(environment);
        if (environment.Levels is int n)
        {
            var set = FiniteLevelSource.FiniteSet(generator, n);
            var ids = new int[count];
            for (var i = 0; i < count; i++)
            {
                ids[i] = DeterministicRandom.For(seed, i, LevelSeeds.EvaluationSalt).NextInt(n);
            }
            return new EvaluationLevelSet(ids.Select(id => set[id]).ToArray(), ids);
        }
        var levels = Enumerable.Range(0, count).Select(i => generator.Generate(seed, i, LevelSeeds.EvaluationSalt)).ToArray();
        return new EvaluationLevelSet(levels, Enumerable.Range(0, count).ToArray());
    }

    /// <summary>The levels of <see cref="LevelSeeds.EvaluationSeed"/>, for analyses that do not depend on a seed.</summary>
    public static IReadOnlyList<Level> For(Language.Model.EnvironmentModel environment, int count) =>
        For(environment, count, LevelSeeds.EvaluationSeed).Levels;
}

/// <summary>Episode e plays <c>Levels[e]</c>; <c>LevelIds[e]</c> identifies the level (equal ids: the same level of a finite set).</summary>
public sealed record EvaluationLevelSet(IReadOnlyList<Level> Levels, IReadOnlyList<int> LevelIds)
{
    public int DistinctLevels => LevelIds.Distinct().Count();
}
