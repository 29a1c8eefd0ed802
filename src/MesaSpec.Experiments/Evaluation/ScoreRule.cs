namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// The score of one episode under one objective: its return divided by the optimal return on that level
/// (from the exact planner, under the same episode rules), clipped to [0, 1].
/// Edge case: when the optimal return is not positive (nothing positive can be earned on the level, e.g. a
/// target out of reach, or an objective of penalties only), a ratio means nothing; the score is then 1 when
/// the return reaches the optimum (within 1e-9) and 0 otherwise: "did as well as possible".
/// </summary>
public static class ScoreRule
{
    public const double Tolerance = 1e-9;

    public static double Score(double episodeReturn, double optimalReturn) =>
        optimalReturn > Tolerance
            ? Math.Clamp(episodeReturn / optimalReturn, 0, 1)
            : episodeReturn >= optimalReturn - Tolerance ? 1 : 0;
}
