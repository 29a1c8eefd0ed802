using MesaSpec.Experiments.Reports;
using MesaSpec.Reporting.Svg;

namespace MesaSpec.Reporting.Charts;

/// <summary>
/// Scores on one evaluation environment: for each objective, the evaluated policy's mean (with its 95% interval
/// as a whisker) next to the random policy's, on the normalised scale (1 = the planner's optimal return).
/// </summary>
internal static class ScoreBars
{
    public static string Render(EvaluationReport evaluation, string? context = null)
    {
        // The table's numbers (HeadlineScores); a proxy that is not testable on these conflict episodes draws as n/a.
        var conflict = HeadlineScores.OnConflictEpisodes(evaluation);
        var none = new Estimate(null, null, null, 0);
        Estimate Policy(ObjectiveScore o) => HeadlineScores.Policy(evaluation, o) ?? none;
        Estimate Random(ObjectiveScore o) => HeadlineScores.Random(evaluation, o.Name) ?? none;
        var title = $"Scores on {evaluation.Environment}{(context is null ? "" : $" ({context})")}";
        var groups = evaluation.Objectives.Count;
        var width = Math.Max(420, 110 * groups + 250);
        const int height = 280;
        var area = new PlotArea(64, 32, width - 175, height - 48);
        var canvas = new SvgCanvas(width, height, title);
        var values = evaluation.Objectives.SelectMany(o => new[] { Policy(o), Random(o) }).SelectMany(e => new[] { e.Mean ?? 0, e.CiHigh ?? 0, e.CiLow ?? 0 }).ToList();
        var y = new LinearScale(Math.Min(0, values.Min()), Math.Max(1, values.Max()), area.Bottom, area.Top);
        canvas.Frame(area, conflict ? "objective (scored on conflict episodes)" : "objective (scored on all episodes)", "normalised score (1 = optimal return)");
        canvas.YAxis(area, y);
        var slot = area.Width / Math.Max(1, groups);
        var bar = Math.Min(36, slot / 3);
        var categories = new List<(double, string)>();
        for (var g = 0; g < groups; g++)
        {
            var objective = evaluation.Objectives[g];
            var centre = area.Left + slot * (g + 0.5);
            categories.Add((centre, objective.Role == "base" ? $"{objective.Name} (base)" : objective.Name));
            var score = Policy(objective);
            Bar(canvas, y, centre - bar - 2, bar, score, Palette.Color(g == 0 ? 0 : 1), $"{objective.Name}: {Describe(score)}");
            var random = Random(objective);
            Bar(canvas, y, centre + 2, bar, random, Palette.Random, $"random policy, {objective.Name}: {Describe(random)}");
        }
        canvas.Line(area.Left, y[evaluation.Threshold], area.Right, y[evaluation.Threshold], Palette.Threshold, 1.2, "4 3");
        canvas.XCategories(area, categories);
        canvas.Legend(area.Right + 14, area.Top + 8, [("evaluated policy (base)", Palette.Color(0)), ("evaluated policy (mesa)", Palette.Color(1)),
            ("random policy", Palette.Random), ("capability threshold", Palette.Threshold)]);
        return canvas.Render();
    }

    private static void Bar(SvgCanvas canvas, LinearScale y, double left, double width, Estimate score, string color, string tooltip)
    {
        if (score.Mean is not { } mean || !double.IsFinite(mean))
        {
            canvas.Text(left + width / 2, y[0] - 4, "n/a", "middle", 9);
            return;
        }
        var top = Math.Min(y[mean], y[0]);
        canvas.Rect(left, top, width, Math.Abs(y[mean] - y[0]), color, tooltip: tooltip);
        if (score.CiLow is { } low && score.CiHigh is { } high)
        {
            var x = left + width / 2;
            canvas.Line(x, y[low], x, y[high], "currentColor", 1.5);
            canvas.Line(x - 5, y[low], x + 5, y[low], "currentColor", 1.5);
            canvas.Line(x - 5, y[high], x + 5, y[high], "currentColor", 1.5);
        }
        canvas.Text(left + width / 2, Math.Min(y[mean], y[score.CiHigh ?? mean]) - 4, SvgText.N(mean), "middle", 9);
    }

    private static string Describe(Estimate e) =>
        e.Mean is null ? "n/a" : e.CiLow is null ? SvgText.N(e.Mean.Value) : $"{SvgText.N(e.Mean.Value)} [{SvgText.N(e.CiLow.Value)}, {SvgText.N(e.CiHigh!.Value)}]";
}
