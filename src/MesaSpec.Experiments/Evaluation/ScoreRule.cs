namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// The score of one episode under one objective: its discounted return divided by the optimal discounted
/// return on that level (from the exact planner, under the same episode rules and discount), clipped to
/// [0, 1]. A level where the optimal return is not positive (nothing can be earned there: a target out of
/// reach, an objective of penalties only) gives the objective no score: a ratio would mean nothing, and
/// "did as well as possible" would reward any behaviour. Such episodes are excluded and counted.
/// </summary>
public static class ScoreRule
{
    public const double Tolerance = Gridworld.Planning.LevelConflict.NothingToEarn;

    /// <summary>Whether a level with this optimal return scores the objective at all.</summary>
    public static bool Scores(double optimalReturn) => optimalReturn > Tolerance;

    public static double? Score(double episodeReturn, double optimalReturn) =>
        Scores(optimalReturn) ? Math.Clamp(episodeReturn / optimalReturn, 0, 1) : null;
}
