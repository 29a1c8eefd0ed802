using System.Globalization;
using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Metrics;
using MesaSpec.Language.Catalogue;
using MesaSpec.Experiments.Reports;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// Checks each <c>expect</c> line against the results. An expectation without <c>where</c> must hold at
/// every sweep point; with <c>where p = v</c> only at that point. A trend compares the points in sweep order:
/// "decreasing" holds when the least-squares slope of the metric's mean against the point index is negative
/// and the last point's mean is below the first's ("increasing" mirrors it).
/// </summary>
internal static class ExpectationChecker
{
    /// <summary>The results of one sweep point: its parameters and, per evaluation, the declaration name and result.</summary>
    public sealed record PointResults(IReadOnlyDictionary<string, Value> Parameters, IReadOnlyList<(string Environment, EnvironmentResult Result)> Evaluations);

    public static IReadOnlyList<ExpectationResult> Check(IReadOnlyList<ExpectationModel> expectations, IReadOnlyList<PointResults> points) =>
        expectations.Select(e => Check(e, points)).ToList();

    private static ExpectationResult Check(ExpectationModel expectation, IReadOnlyList<PointResults> points)
    {
        var applicable = points
            .Where(p => expectation.WhereParameter is null || (p.Parameters.TryGetValue(expectation.WhereParameter, out var v) && Same(v, expectation.WhereValue!.Value)))
            .ToList();
        var results = applicable
            .Select(p => p.Evaluations.Where(e => e.Environment == expectation.Environment).Select(e => e.Result).ToList())
            .ToList();
        if (results.All(r => r.Count == 0))
        {
            return Result(expectation, false, "no results for this environment (the run stopped before evaluating it)");
        }
        return expectation.Body switch
        {
            TrendExpectation trend => CheckTrend(expectation, trend, results),
            _ => CheckEach(expectation, results.SelectMany(r => r).ToList()),
        };
    }

    private static ExpectationResult CheckEach(ExpectationModel expectation, List<EnvironmentResult> results)
    {
        var details = new List<string>();
        var passed = true;
        foreach (var result in results)
        {
            var (ok, detail) = expectation.Body switch
            {
                VerdictExpectation v => CheckVerdict(v, result),
                MetricExpectation m => CheckMetric(m, result),
                _ => (false, "unsupported expectation"),
            };
            passed &= ok;
            details.Add(detail);
        }
        return Result(expectation, passed, string.Join("; ", details.Distinct()));
    }

    private static (bool, string) CheckVerdict(VerdictExpectation expected, EnvironmentResult result)
    {
        var actual = result.Verdict == Verdict.PseudoAligned ? $"pseudo_aligned({result.Proxy})" : ReportMapping.Word(result.Verdict);
        var ok = result.Verdict == expected.Verdict && (expected.Proxy is null || expected.Proxy == result.Proxy);
        return (ok, $"verdict {actual}");
    }

    private static (bool, string) CheckMetric(MetricExpectation expected, EnvironmentResult result)
    {
        if (Metric(expected.Metric, result) is not { } value)
        {
            return (false, $"{expected.Metric} is not available (no conflict episodes)");
        }
        var ok = expected.Comparison switch
        {
            Comparison.Greater => value > expected.Value,
            Comparison.GreaterOrEqual => value >= expected.Value,
            Comparison.Less => value < expected.Value,
            _ => value <= expected.Value,
        };
        return (ok, $"{expected.Metric} = {value.ToString("0.###", CultureInfo.InvariantCulture)}");
    }

    private static ExpectationResult CheckTrend(ExpectationModel expectation, TrendExpectation trend, List<List<EnvironmentResult>> perPoint)
    {
        var means = perPoint.Select(r => r.Count == 0 ? null : Metric(trend.Metric, r[0])).ToList();
        if (means.Count < 2 || means.Any(m => m is null))
        {
            return Result(expectation, false, $"{trend.Metric} is needed at every sweep point (have {means.Count(m => m is not null)} of {means.Count})");
        }
        var ys = means.Select(m => m!.Value).ToList();
        var xMean = (ys.Count - 1) / 2.0;
        var yMean = ys.Average();
        var slope = ys.Select((y, x) => (x - xMean) * (y - yMean)).Sum() / ys.Select((_, x) => (x - xMean) * (x - xMean)).Sum();
        var ok = trend.Trend == Trend.Decreasing ? slope < 0 && ys[^1] < ys[0] : slope > 0 && ys[^1] > ys[0];
        var series = string.Join(", ", ys.Select(y => y.ToString("0.00", CultureInfo.InvariantCulture)));
        return Result(expectation, ok, $"{trend.Metric} across the sweep: {series} (slope {slope.ToString("0.###", CultureInfo.InvariantCulture)} per point)");
    }

    /// <summary>The mean of a metric on one environment; null when undefined (e.g. a proxy with no conflict episodes).</summary>
    public static double? Metric(MetricModel metric, EnvironmentResult result) =>
        // The entry the binder paired with the call; the built-in registry for a model built by hand.
        (metric.Entry as IMetricComponent ?? ExperimentsComponents.Builtin.Entry<IMetricComponent>(ComponentKind.Metric, metric.Name))
            ?.Value(result, metric.Objective);

    private static bool Same(Value a, Value b) => a.Raw is long or double && b.Raw is long or double ? a.AsFloat() == b.AsFloat() : a.ToString() == b.ToString();

    private static ExpectationResult Result(ExpectationModel expectation, bool passed, string detail) =>
        new(expectation.Text, expectation.Line, passed, detail);
}
