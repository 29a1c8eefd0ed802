namespace MesaSpec.Gridworld.Levels;

/// <summary>
/// The fixed levels an environment is evaluated on: the same for every policy, seed and the random baseline.
/// An environment with a finite level set (<c>levels N</c>) is evaluated on draws from that set, so evaluating
/// on the training environment means the training levels; otherwise on the fresh evaluation stream.
/// </summary>
public static class EvaluationLevels
{
    public static IReadOnlyList<Level> For(Language.Model.EnvironmentModel environment, int count)
    {
        var generator = new LevelGenerator(environment);
        if (environment.Levels is int n)
        {
            var source = new FiniteLevelSource(FiniteLevelSource.FiniteSet(generator, n), LevelSeeds.EvaluationSeed);
            return Enumerable.Range(0, count).Select(i => source.LevelFor(i, 0)).ToArray();
        }
        return Enumerable.Range(0, count).Select(i => generator.Generate(LevelSeeds.EvaluationSeed, i, LevelSeeds.EvaluationSalt)).ToArray();
    }
}
