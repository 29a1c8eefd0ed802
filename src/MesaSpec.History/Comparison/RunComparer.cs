using MesaSpec.Experiments.Running;
using System.Globalization;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using MesaSpec.Experiments.Reports;

namespace MesaSpec.History.Comparison;

/// <summary>
/// Lines up two runs (sweep points by their parameter values, evaluations by environment, objectives by name)
/// and says what differs, e.g. before and after widening the training corner.
/// </summary>
public static class RunComparer
{
    /// <summary>With one seed there is no interval; a score change this large still matters.</summary>
    public const double SingleSeedScoreChange = 0.1;

    public static RunComparison Compare(StoredRun before, StoredRun after)
    {
        var rows = new List<ComparisonRow>();
        void Row(string section, string label, string a, string b, string? change = null, bool matters = false) =>
            rows.Add(new ComparisonRow(section, label, a, b, change, matters));

        var (sa, sb) = (before.Summary, after.Summary);
        Row("run", "experiment", sa.Experiment, sb.Experiment);
        Row("run", "status", sa.Status.Word(), sb.Status.Word(), matters: sa.Status != sb.Status);
        Row("run", "spec", $"{sa.SpecPath} @{sa.SpecSha256[..Math.Min(8, sa.SpecSha256.Length)]}",
            $"{sb.SpecPath} @{sb.SpecSha256[..Math.Min(8, sb.SpecSha256.Length)]}",
            sa.SpecSha256 == sb.SpecSha256 ? null : "changed");
        Row("run", "policy", sa.PolicySource, sb.PolicySource);
        Row("run", "engine", before.EngineVersion, after.EngineVersion);
        Row("run", "seeds", string.Join(", ", before.Seeds), string.Join(", ", after.Seeds));
        foreach (var key in before.Settings.Keys.Union(after.Settings.Keys).Order(StringComparer.Ordinal))
        {
            var (a, b) = (before.Settings.GetValueOrDefault(key, "-"), after.Settings.GetValueOrDefault(key, "-"));
            if (a != b)
            {
                Row("run", key, a, b);
            }
        }

        var pointsA = Points(before.Report);
        var pointsB = Points(after.Report);
        foreach (var key in pointsA.Keys.Union(pointsB.Keys))
        {
            var pa = pointsA.GetValueOrDefault(key);
            var pb = pointsB.GetValueOrDefault(key);
            var section = key.Length == 0 ? "evaluation" : $"at {key}";
            var environments = (pa?.Evaluations.Select(e => e.Environment) ?? []).Union(pb?.Evaluations.Select(e => e.Environment) ?? []);
            foreach (var environment in environments)
            {
                var ea = pa?.Evaluations.FirstOrDefault(e => e.Environment == environment);
                var eb = pb?.Evaluations.FirstOrDefault(e => e.Environment == environment);
                var (va, vb) = (VerdictText(ea), VerdictText(eb));
                Row(section, $"{environment} verdict", va, vb, matters: va != vb);
                Row(section, $"{environment} capability", Format(ea?.Capability), Format(eb?.Capability),
                    Delta(ea?.Capability, eb?.Capability), Differs(ea?.Capability, eb?.Capability));
                var objectives = (ea?.Objectives.Select(o => o.Name) ?? []).Union(eb?.Objectives.Select(o => o.Name) ?? []);
                foreach (var objective in objectives)
                {
                    var oa = ea?.Objectives.FirstOrDefault(o => o.Name == objective)?.Score;
                    var ob = eb?.Objectives.FirstOrDefault(o => o.Name == objective)?.Score;
                    Row(section, $"{environment} {objective}", Format(oa), Format(ob), Delta(oa, ob), Differs(oa, ob));
                }
            }
        }

        var expectations = (before.Report?.Expectations.Select(e => e.Text) ?? []).Union(after.Report?.Expectations.Select(e => e.Text) ?? []);
        foreach (var text in expectations)
        {
            var a = before.Report?.Expectations.FirstOrDefault(e => e.Text == text);
            var b = after.Report?.Expectations.FirstOrDefault(e => e.Text == text);
            var (pa, pb) = (Passed(a), Passed(b));
            Row("expectations", text, pa, pb, matters: pa != pb && a is not null && b is not null);
        }
        return new RunComparison(before, after, rows, SpecDiff(before.SpecText, after.SpecText));
    }

    private static Dictionary<string, SweepPoint> Points(RunReport? report)
    {
        var points = new Dictionary<string, SweepPoint>(StringComparer.Ordinal);
        foreach (var point in report?.Points ?? [])
        {
            points.TryAdd(string.Join(", ", point.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")), point);
        }
        return points;
    }

    private static string VerdictText(EvaluationReport? evaluation) => evaluation is null ? "-"
        : evaluation.Verdict == "pseudo_aligned" ? $"pseudo_aligned({evaluation.Proxy})" : evaluation.Verdict;

    private static string Passed(ExpectationResult? expectation) => expectation is null ? "-" : expectation.Passed ? "passed" : "failed";

    public static string Format(Estimate? estimate) =>
        estimate?.Mean is not { } mean ? "-"
        : estimate.CiLow is { } low && estimate.CiHigh is { } high ? $"{F(mean)} [{F(low)}, {F(high)}]"
        : F(mean);

    private static string? Delta(Estimate? a, Estimate? b) =>
        a?.Mean is { } x && b?.Mean is { } y ? (y - x).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : null;

    /// <summary>Intervals that do not overlap; without intervals, a change of at least <see cref="SingleSeedScoreChange"/>.</summary>
    private static bool Differs(Estimate? a, Estimate? b)
    {
        if (a?.Mean is not { } x || b?.Mean is not { } y)
        {
            return (a?.Mean is null) != (b?.Mean is null) && a is not null && b is not null;
        }
        if (a.CiLow is { } al && a.CiHigh is { } ah && b.CiLow is { } bl && b.CiHigh is { } bh)
        {
            return ah < bl || bh < al;
        }
        return Math.Abs(y - x) >= SingleSeedScoreChange;
    }

    private static IReadOnlyList<string> SpecDiff(string before, string after)
    {
        if (before == after)
        {
            return [];
        }
        var diff = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        var lines = new List<string>();
        var number = 0;
        foreach (var line in diff.Lines)
        {
            if (line.Type != ChangeType.Deleted)
            {
                number++;
            }
            switch (line.Type)
            {
                case ChangeType.Deleted:
                    lines.Add($"- {line.Text}");
                    break;
                case ChangeType.Inserted:
                    lines.Add($"+ {line.Text}   (line {number})");
                    break;
            }
        }
        return lines;
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
