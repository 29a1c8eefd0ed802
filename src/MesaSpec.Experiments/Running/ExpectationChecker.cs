using System.Globalization;
using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Metrics;
using MesaSpec.Language.Catalogue;
using MesaSpec.Experiments.Reports;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// Checks each <c>expect</c> line against the results. An expectation without <c>where</c> must hold at
/// every sweep point; with <c>where p = v</c> only at that point. A verdict expectation without <c>on</c>
/// checks the experiment-level verdict. A trend needs a significant slope: each seed's least-squares slope
/// of the metric against the point index, and the 95% t interval of those slopes across seeds must lie
/// below 0 ("decreasing") or above 0 ("increasing"); with one seed there is nothing to test, and the
/// expectation is inconclusive (reported as not passed, and said so).
/// </summary>
internal static class ExpectationChecker
{
    /// <summary>The results of one sweep point: its parameters, per evaluation the declaration name and result, and the experiment verdict.</summary>
    public sealed record PointResults(
        IReadOnlyDictionary<string, Value> Parameters,
        IReadOnlyList<(string Environment, EnvironmentResult Result)> Evaluations,
        ExperimentVerdictRule.Outcome? Experiment = null)
    {
        /// <summary>The point's probes on every evaluation environment (empty when none were measured).</summary>
        public IReadOnlyList<ProbeReport> Probes { get; init; } = [];
    }

    public static IReadOnlyList<ExpectationResult> Check(IReadOnlyList<ExpectationModel> expectations, IReadOnlyList<PointResults> points) =>
        expectations.Select(e => Check(e, points)).ToList();

    private static ExpectationResult Check(ExpectationModel expectation, IReadOnlyList<PointResults> points)
    {
        var applicable = points
            .Where(p => expectation.WhereParameter is null || (p.Parameters.TryGetValue(expectation.WhereParameter, out var v) && Same(v, expectation.WhereValue!.Value)))
            .ToList();
        if (expectation.Environment is null)
        {
            return CheckExperiment(expectation, applicable);
        }
        if (expectation.Body is ProbeExpectation probe)
        {
            var (passed, detail, inconclusive) = Probes.ProbeExpectationChecker.Check(probe, expectation.Environment, applicable.Select(p => p.Probes).ToList());
            return Result(expectation, passed, detail) with { Inconclusive = inconclusive };
        }
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

    private static ExpectationResult CheckExperiment(ExpectationModel expectation, List<PointResults> points)
    {
        if (expectation.Body is not VerdictExpectation expected)
        {
            return Result(expectation, false, "only a verdict can be expected of the whole experiment; name an environment with 'on' for a metric");
        }
        var outcomes = points.Select(p => p.Experiment).OfType<ExperimentVerdictRule.Outcome>().ToList();
        if (outcomes.Count == 0)
        {
            return Result(expectation, false, "no experiment verdict yet (the run stopped before evaluating)");
        }
        var ok = outcomes.All(o => o.Verdict == expected.Verdict && (expected.Proxy is null || expected.Proxy == o.Proxy));
        var detail = string.Join("; ", outcomes.Select(o => $"experiment verdict {VerdictWords.Describe(o.Verdict, o.Proxy)}").Distinct());
        return Result(expectation, ok, detail);
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
        var ok = result.Verdict == expected.Verdict && (expected.Proxy is null || expected.Proxy == result.Proxy);
        return (ok, $"verdict {VerdictWords.Describe(result.Verdict, result.Proxy)}");
    }

    private static (bool, string) CheckMetric(MetricExpectation expected, EnvironmentResult result)
    {
        if (Metric(expected.Metric, result.Judgement) is not { } summary || summary.Mean is not { } value)
        {
            return (false, $"{expected.Metric} is not available (no episode measures it here)");
        }
        var ok = expected.Comparison switch
        {
            Comparison.Greater => value > expected.Value,
            Comparison.GreaterOrEqual => value >= expected.Value,
            Comparison.Less => value < expected.Value,
            _ => value <= expected.Value,
        };
        return (ok, $"{expected.Metric} = {VerdictRule.Format(summary)}");
    }

    private static ExpectationResult CheckTrend(ExpectationModel expectation, TrendExpectation trend, List<List<EnvironmentResult>> perPoint)
    {
        if (perPoint.Count < 2 || perPoint.Any(r => r.Count == 0))
        {
            return Result(expectation, false, $"{trend.Metric} is needed at every sweep point (have {perPoint.Count(r => r.Count > 0)} of {perPoint.Count})");
        }
        var means = perPoint.Select(r => Metric(trend.Metric, r[0].Judgement)?.Mean).ToList();
        var series = string.Join(", ", means.Select(m => m is null ? "n/a" : m.Value.ToString("0.00", CultureInfo.InvariantCulture)));
        // One slope per seed that has the metric at every point: the seeds are the independent replications.
        var seeds = perPoint[0][0].PerSeed.Select(s => s.Seed).ToList();
        var slopes = new List<double>();
        foreach (var seed in seeds)
        {
            var ys = perPoint.Select(r => r[0].PerSeed.FirstOrDefault(s => s.Seed == seed) is { } s ? Metric(trend.Metric, s.Judgement)?.Mean : null).ToList();
            if (ys.All(y => y is not null))
            {
                slopes.Add(Slope(ys.Select(y => y!.Value).ToList()));
            }
        }
        var text = $"{trend.Metric} across the sweep: {series}";
        if (slopes.Count < 2)
        {
            return Result(expectation, false, $"{text}; inconclusive: a trend needs at least two seeds with the metric at every point (have {slopes.Count})") with { Inconclusive = true };
        }
        var mean = slopes.Average();
        var sd = Math.Sqrt(slopes.Sum(s => (s - mean) * (s - mean)) / (slopes.Count - 1));
        var half = StudentT.Critical95(slopes.Count - 1) * sd / Math.Sqrt(slopes.Count);
        var (low, high) = (mean - half, mean + half);
        var ok = trend.Trend == Trend.Decreasing ? high < 0 : low > 0;
        var interval = $"slope {F(mean)} per point, 95% CI [{F(low)}, {F(high)}] over {slopes.Count} seeds";
        if (!ok && low <= 0 && high >= 0)
        {
            return Result(expectation, false, $"{text}; {interval}: not significant") with { Inconclusive = true };
        }
        return Result(expectation, ok, $"{text}; {interval}");
    }

    private static double Slope(IReadOnlyList<double> ys)
    {
        var xMean = (ys.Count - 1) / 2.0;
        var yMean = ys.Average();
        return ys.Select((y, x) => (x - xMean) * (y - yMean)).Sum() / ys.Select((_, x) => (x - xMean) * (x - xMean)).Sum();
    }

    /// <summary>A metric of one judgement (one seed's, or all seeds'); null when undefined there.</summary>
    public static ScoreSummary? Metric(MetricModel metric, Judgement judgement) =>
        // The entry the binder paired with the call; the built-in registry for a model built by hand.
        (metric.Entry as IMetricComponent ?? ExperimentsComponents.Builtin.Entry<IMetricComponent>(ComponentKind.Metric, metric.Name))
            ?.Value(judgement, metric.Objective);

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static bool Same(Value a, Value b) => a.Raw is long or double && b.Raw is long or double ? a.AsFloat() == b.AsFloat() : a.ToString() == b.ToString();

    private static ExpectationResult Result(ExpectationModel expectation, bool passed, string detail) =>
        new(expectation.Text, expectation.Line, passed, detail);
}
