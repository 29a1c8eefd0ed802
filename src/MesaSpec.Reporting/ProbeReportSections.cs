using System.Globalization;
using System.Net;
using System.Text;
using MesaSpec.Experiments.Reports;

namespace MesaSpec.Reporting;

/// <summary>
/// The sections of report.md and report.html for probes and steering: each probe's held-out score against chance per
/// evaluation environment (mean [95% t interval] over seeds), and each steering's change of every candidate's score
/// (mean [95% paired bootstrap interval] over seeds and levels).
/// </summary>
public static class ProbeReportSections
{
    public const string ProbeNote = "Linear probes of the model's layers, fitted on some evaluation levels and scored on held-out ones: accuracy (classes, yes/no) or R² (values) against chance; means with 95% t intervals over seeds.";

    public const string SteeringNote = "Scores (every scored episode) on the same levels without and with the probe's unit direction times the scale added to its layer; the change with a 95% paired bootstrap interval over seeds and levels.";

    private static IEnumerable<(SweepPoint Point, ProbeReport Probe)> Probes(RunReport report) =>
        report.Points.SelectMany(p => (p.Probes ?? []).Select(r => (p, r)));

    private static IEnumerable<(SweepPoint Point, SteeringReport Steering)> Steering(RunReport report) =>
        report.Points.SelectMany(p => (p.Steering ?? []).Select(r => (p, r)));

    private static string At(SweepPoint point) => point.Parameters.Count == 0 ? "" : $" at {ReportText.Parameters(point)}";

    private static string Objectives(SteeringReport steering, Func<SteeredObjective, Estimate> pick, string separator) =>
        string.Join(separator, steering.Objectives.Select(o => $"{o.Name} {ReportText.Estimate(pick(o))}"));

    public static void Markdown(StringBuilder md, RunReport report)
    {
        if (Probes(report).Any())
        {
            md.AppendLine("## Probes");
            md.AppendLine();
            md.AppendLine(ProbeNote);
            md.AppendLine();
            md.AppendLine("| environment | probe | feature | layer | measure | score | chance | score − chance |");
            md.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var (point, p) in Probes(report))
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Cell(p.Environment + At(point))} | {Cell(p.Probe)} | `{Cell(p.Feature)}` | {p.Layer} | {p.Measure} | {ReportText.Estimate(p.Score)} | {ReportText.Estimate(p.Chance)} | {ReportText.Estimate(p.Gain)} |");
            }
            md.AppendLine();
        }
        if (Steering(report).Any())
        {
            md.AppendLine("## Steering");
            md.AppendLine();
            md.AppendLine(SteeringNote);
            md.AppendLine();
            md.AppendLine("| environment | probe | layer | scale | unsteered | steered | change |");
            md.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var (point, s) in Steering(report))
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Cell(s.Environment + At(point))} | {Cell(s.Probe)} | {s.Layer} | {s.Scale.ToString("0.###", CultureInfo.InvariantCulture)} | {Cell(Objectives(s, o => o.Unsteered, "<br>"))} | {Cell(Objectives(s, o => o.Steered, "<br>"))} | {Cell(Objectives(s, o => o.Change, "<br>"))} |");
            }
            md.AppendLine();
        }
    }

    public static void Html(StringBuilder html, RunReport report)
    {
        if (Probes(report).Any())
        {
            html.Append($"<h2>Probes</h2>\n<p class=\"muted\">{E(ProbeNote)}</p>\n");
            HtmlTable.Open(html, "<th>environment</th><th>probe</th><th>feature</th><th>layer</th><th>measure</th><th>score</th><th>chance</th><th>score − chance</th>");
            foreach (var (point, p) in Probes(report))
            {
                html.Append($"<tr><td>{E(p.Environment + At(point))}</td><td>{E(p.Probe)}</td><td><code>{E(p.Feature)}</code></td><td>{p.Layer}</td><td>{E(p.Measure)}</td>"
                    + $"<td>{E(ReportText.Estimate(p.Score))}</td><td>{E(ReportText.Estimate(p.Chance))}</td><td>{E(ReportText.Estimate(p.Gain))}</td></tr>\n");
            }
            HtmlTable.Close(html);
        }
        if (Steering(report).Any())
        {
            html.Append($"<h2>Steering</h2>\n<p class=\"muted\">{E(SteeringNote)}</p>\n");
            HtmlTable.Open(html, "<th>environment</th><th>probe</th><th>layer</th><th>scale</th><th>unsteered</th><th>steered</th><th>change</th>");
            foreach (var (point, s) in Steering(report))
            {
                html.Append($"<tr><td>{E(s.Environment + At(point))}</td><td>{E(s.Probe)}</td><td>{s.Layer}</td><td>{E(s.Scale.ToString("0.###", CultureInfo.InvariantCulture))}</td>"
                    + $"<td>{Lines(Objectives(s, o => o.Unsteered, "\n"))}</td><td>{Lines(Objectives(s, o => o.Steered, "\n"))}</td><td>{Lines(Objectives(s, o => o.Change, "\n"))}</td></tr>\n");
            }
            HtmlTable.Close(html);
        }
    }

    private static string Lines(string text) => string.Join("<br>", text.Split('\n').Select(E));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
