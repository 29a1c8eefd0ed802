using System.Globalization;
using MesaSpec.Experiments.Reports;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Probes;

/// <summary>
/// Checks <c>expect on ENV: probe(P) ...</c> at every applicable sweep point. Against a number the mean score over
/// seeds decides, as for metrics. Against <c>chance</c> or another probe the seed-by-seed difference decides: with
/// two or more seeds its 95% t interval must lie on the expected side of 0 (a mean on the right side whose interval
/// covers 0 is inconclusive, and does not pass); one seed's difference decides alone.
/// </summary>
internal static class ProbeExpectationChecker
{
    public static (bool Passed, string Detail, bool Inconclusive) Check(ProbeExpectation expectation, string environment, IReadOnlyList<IReadOnlyList<ProbeReport>> points)
    {
        var passed = true;
        var inconclusive = false;
        var details = new List<string>();
        foreach (var reports in points)
        {
            var report = Find(reports, environment, expectation.Probe);
            if (report?.Score.Mean is not { } score)
            {
                return (false, $"probe({expectation.Probe}) was not measured on {environment} (a policy without layers, or too few levels to hold some out)", false);
            }
            var text = $"probe({expectation.Probe}) = {Format(report.Score)} ({report.Measure}, chance {F(report.Chance.Mean)})";
            switch (expectation.Bound)
            {
                case ProbeNumber number:
                    passed &= Holds(score, expectation.Comparison, number.Value);
                    details.Add(text);
                    break;
                case ProbeChance:
                    var (ok, unsure, interval) = Significant(report.Gain, expectation.Comparison);
                    (passed, inconclusive) = (passed && ok, inconclusive || unsure);
                    details.Add($"{text}; minus chance {interval}");
                    break;
                case OtherProbe other:
                    var second = Find(reports, environment, other.Probe);
                    if (second?.Score.Mean is null)
                    {
                        return (false, $"probe({other.Probe}) was not measured on {environment}", false);
                    }
                    var differences = report.PerSeed.Join(second.PerSeed, a => a.Seed, b => b.Seed, (a, b) => a.Score - b.Score)
                        .OfType<double>().ToList();
                    var (holds, doubtful, range) = Significant(ProbeAggregation.TInterval(differences), expectation.Comparison);
                    (passed, inconclusive) = (passed && holds, inconclusive || doubtful);
                    details.Add($"{text}; probe({other.Probe}) = {Format(second.Score)}; difference {range}");
                    break;
            }
        }
        return (passed, string.Join("; ", details.Distinct()), !passed && inconclusive);
    }

    private static ProbeReport? Find(IReadOnlyList<ProbeReport> reports, string environment, string probe) =>
        reports.FirstOrDefault(r => r.Declaration == environment && r.Probe == probe);

    /// <summary>Whether a difference satisfies the comparison with 0 significantly; unsure: its mean does, its interval does not.</summary>
    private static (bool Ok, bool Unsure, string Text) Significant(Estimate difference, Comparison comparison)
    {
        var mean = difference.Mean ?? double.NaN;
        var byMean = Holds(mean, comparison, 0);
        if (difference.CiLow is not { } low || difference.CiHigh is not { } high)
        {
            return (byMean, false, $"{F(mean)} (one seed: no interval)");
        }
        var greater = comparison is Comparison.Greater or Comparison.GreaterOrEqual;
        var ok = greater ? low > 0 || (comparison == Comparison.GreaterOrEqual && low >= 0) : high < 0 || (comparison == Comparison.LessOrEqual && high <= 0);
        var text = $"{F(mean)}, 95% CI [{F(low)}, {F(high)}] over {difference.Seeds} seeds";
        return (ok, byMean && !ok, ok || !byMean ? text : text + ": not significant");
    }

    private static bool Holds(double value, Comparison comparison, double bound) => comparison switch
    {
        Comparison.Greater => value > bound,
        Comparison.GreaterOrEqual => value >= bound,
        Comparison.Less => value < bound,
        _ => value <= bound,
    };

    private static string Format(Estimate e) =>
        e.CiLow is { } low && e.CiHigh is { } high ? $"{F(e.Mean)} [{F(low)}, {F(high)}]" : F(e.Mean);

    private static string F(double? v) => v is { } x ? x.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";
}
