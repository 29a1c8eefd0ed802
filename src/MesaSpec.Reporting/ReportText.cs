using MesaSpec.Experiments.Running;
using System.Globalization;
using MesaSpec.Experiments.Reports;

namespace MesaSpec.Reporting;

/// <summary>How numbers and verdicts read in both report.md and report.html.</summary>
internal static class ReportText
{
    public static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>"0.97 [0.95, 0.99]", or "0.97" with one seed (no interval).</summary>
    public static string Estimate(Estimate? e) =>
        e?.Mean is null ? "n/a" : e.CiLow is null || e.CiHigh is null ? Number(e.Mean) : $"{Number(e.Mean)} [{Number(e.CiLow)}, {Number(e.CiHigh)}]";

    public static string Verdict(string verdict, string? proxy) => proxy is null ? verdict
        : verdict == "pseudo_aligned" ? $"pseudo_aligned to {proxy}" : $"{verdict}({proxy})";

    /// <summary>A headline score (<see cref="HeadlineScores"/>): "not testable here" for a proxy without conflict episodes where others have some.</summary>
    public static string Headline(Estimate? score) => score is null ? "not testable here" : Estimate(score);

    public static string Parameters(SweepPoint point) =>
        string.Join(", ", point.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value}"));

    /// <summary>
    /// Whether a point evaluates models trained at an earlier point (<c>training[].trainedAtPoint</c>): its training
    /// entries repeat that point's, so tables and curves show them once.
    /// </summary>
    public static bool TrainedElsewhere(SweepPoint point) =>
        point.Training.Count > 0 && point.Training.All(t => t.TrainedAtPoint is not null);

    /// <summary>"The models trained at t = 0 are evaluated at every point: ...", or null when every point trained its own.</summary>
    public static string? SharedTraining(RunReport report)
    {
        var first = report.Points.FirstOrDefault(TrainedElsewhere)?.Training[0].TrainedAtPoint;
        if (first is not { } at || at >= report.Points.Count)
        {
            return null;
        }
        var sharing = report.Points.Count(TrainedElsewhere) + 1;
        return $"The models trained at {Parameters(report.Points[at])} are evaluated at {(sharing == report.Points.Count ? "every point" : $"{sharing} of the {report.Points.Count} points")}: "
            + "no training line depends on the swept parameter, so each seed was trained once.";
    }

    public static string Duration(double seconds) =>
        seconds < 90 ? $"{seconds.ToString("0.#", CultureInfo.InvariantCulture)} s" : $"{(seconds / 60).ToString("0.#", CultureInfo.InvariantCulture)} min";

    public static string Status(RunReport report) => report.Status switch
    {
        RunStatus.Finished => report.Passed ? "finished; every expectation holds" : "finished; an expectation fails",
        RunStatus.Cancelled => "cancelled: partial report (completed seeds only)",
        RunStatus.Failed => $"failed: partial report{(report.StatusDetail is null ? "" : $" ({report.StatusDetail})")}",
        _ => "running: partial report",
    };

    /// <summary>The steps of a sample's episode: its trajectory holds the start cell and one cell per step (horizon 64: 65 cells, 64 steps).</summary>
    public static int Steps(BehaviourSample sample) => Math.Max(0, sample.Trajectory.Count - 1);

    /// <summary>A grid row as text with the policy's preferred action drawn as an arrow in each free cell.</summary>
    public static IEnumerable<string> ArrowRows(BehaviourSample sample)
    {
        var rows = sample.Grid.TakeWhile(r => !r.StartsWith("legend:", StringComparison.Ordinal)).ToList();
        for (var y = 0; y < rows.Count; y++)
        {
            var chars = rows[y].ToCharArray();
            for (var x = 0; x < chars.Length; x++)
            {
                if (chars[x] == '.' && sample.PreferredActions is { } actions && y < actions.Count && x < actions[y].Length)
                {
                    chars[x] = actions[y][x] switch { 0 => '↑', 1 => '→', 2 => '↓', 3 => '←', _ => '.' };
                }
            }
            yield return new string(chars);
        }
    }
}
