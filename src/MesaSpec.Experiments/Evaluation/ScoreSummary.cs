namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// A mean with its two-sided 95% confidence interval from <see cref="ClusteredBootstrap"/> (percentile
/// interval of a bootstrap over seeds, then over levels within each seed), so an interval of scores in [0, 1]
/// never leaves [0, 1]. <see cref="Count"/> values from <see cref="Levels"/> distinct levels over
/// <see cref="Seeds"/> seeds; <see cref="SeedVariance"/> is the variance of the seed means (null with one seed),
/// <see cref="LevelVariance"/> the mean within-seed variance of the level means (null without two levels).
/// <see cref="Mean"/> is null when there are no values; the interval is null when nothing can be resampled
/// (fewer than two levels in total). Nulls rather than NaN so the record serialises to plain JSON.
/// </summary>
public sealed record ScoreSummary(double? Mean, double? CiLow, double? CiHigh, int Count, int Levels = 0, int Seeds = 0,
    double? SeedVariance = null, double? LevelVariance = null)
{
    public static ScoreSummary Empty { get; } = new(null, null, null, 0);

    /// <summary>The interval lies entirely above zero (a significant positive difference).</summary>
    public bool SignificantlyPositive => CiLow is > 0;

    /// <summary>The interval lies entirely below zero.</summary>
    public bool SignificantlyNegative => CiHigh is < 0;
}
