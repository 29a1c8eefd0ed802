using MesaSpec.Experiments.Reports;
using MesaSpec.Reporting.Svg;

namespace MesaSpec.Reporting.Charts;

/// <summary>
/// Scores over training (<c>--scores-every</c>): per evaluation environment, each candidate's score against the
/// training step, the mean over seeds with the seeds' range as bars, so the step where a proxy overtakes the base
/// objective is visible. One chart per environment; none when the run recorded no scores over training.
/// </summary>
internal static class TrainingScoreCharts
{
    public static IEnumerable<string> Render(SweepPoint point, string? parameters)
    {
        var recorded = point.Training.Where(t => t.ScoresOverTraining is { Count: > 0 }).ToList();
        if (recorded.Count == 0)
        {
            yield break;
        }
        var all = recorded.SelectMany(t => t.ScoresOverTraining!).ToList();
        foreach (var environment in all.Select(p => p.Environment).Distinct())
        {
            var here = all.Where(p => p.Environment == environment).ToList();
            var names = here.SelectMany(p => p.Objectives.Select(o => o.Name)).Distinct().ToList();
            var series = names.Select((name, i) => new LineSeries(name, Palette.Color(i),
                here.GroupBy(p => p.Step).OrderBy(g => g.Key).Select(g =>
                {
                    var scores = g.Select(p => p.Objectives.FirstOrDefault(o => o.Name == name)?.ScoreAll).OfType<double>().ToList();
                    return scores.Count == 0 ? (SeriesPoint?)null
                        : new SeriesPoint(g.Key, scores.Average(), scores.Count > 1 ? scores.Min() : null, scores.Count > 1 ? scores.Max() : null);
                }).OfType<SeriesPoint>().ToList(), Markers: true)).Where(s => s.Points.Count > 0).ToList();
            if (series.Count == 0)
            {
                continue;
            }
            var title = parameters is null ? $"Scores over training on {environment}" : $"Scores over training on {environment} at {parameters}";
            yield return LineChart.Render(title, "training steps", $"score_all (mean of {recorded.Count} seed(s); bars: their range)", series, yRange: (0, 1));
        }
    }
}
