namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// A mean with its two-sided 95% confidence interval (t distribution over <see cref="Count"/> values).
/// <see cref="Mean"/> is null when there are no values; the interval is null with fewer than two values.
/// Nulls rather than NaN/infinity so the record serialises to plain JSON.
/// </summary>
public sealed record ScoreSummary(double? Mean, double? CiLow, double? CiHigh, int Count)
{
    public static ScoreSummary Empty { get; } = new(null, null, null, 0);

    public static ScoreSummary Of(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n == 0)
        {
            return Empty;
        }
        var mean = values.Average();
        if (n == 1)
        {
            return new ScoreSummary(mean, null, null, 1);
        }
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        var half = StudentT.Critical95(n - 1) * Math.Sqrt(variance / n);
        return new ScoreSummary(mean, mean - half, mean + half, n);
    }

    /// <summary>The interval lies entirely above zero (a significant positive difference).</summary>
    public bool SignificantlyPositive => CiLow is > 0;

    /// <summary>The interval lies entirely below zero.</summary>
    public bool SignificantlyNegative => CiHigh is < 0;
}
