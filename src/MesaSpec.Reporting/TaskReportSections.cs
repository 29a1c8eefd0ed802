using System.Globalization;
using System.Net;
using System.Text;
using MesaSpec.Experiments.Reports;

namespace MesaSpec.Reporting;

/// <summary>
/// The sections of report.md and report.html for an experiment on a task: per evaluation task the verdict, the
/// model's error, and for each reference learner its error, learning rate and agreement with the model
/// (prediction cosine, sensitivity cosine, margin), all as mean [95% interval] over seeds and prompts.
/// </summary>
public static class TaskReportSections
{
    public const string Note = "Errors are mean squared errors of the query's prediction. Agreement with a reference learner: the cosine of the model's and the learner's predictions over the prompts, and the mean cosine of their sensitivities to the query (as in von Oswald et al. 2023); margin: the best learner's sensitivity cosine minus this one's. Means with 95% intervals from a bootstrap over seeds and prompts.";

    public static bool HasTasks(RunReport report) => report.Points.Any(p => p.Tasks is not null);

    public static void Markdown(StringBuilder md, RunReport report)
    {
        md.AppendLine("## Verdicts");
        md.AppendLine();
        md.AppendLine(Note);
        md.AppendLine();
        foreach (var point in report.Points)
        {
            foreach (var task in point.Tasks ?? [])
            {
                var at = point.Parameters.Count == 0 ? "" : $" at {ReportText.Parameters(point)}";
                md.AppendLine(CultureInfo.InvariantCulture, $"### {Cell(task.Task)}{Cell(at)}: {Cell(ReportText.Verdict(task.Verdict, task.Learner))}");
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"{Cell(task.Distribution)}{(task.TrainingDistribution ? " (the training distribution)" : "")}; {task.Prompts} prompts per seed; model error {ReportText.Estimate(task.ModelError)}.");
                md.AppendLine();
                md.AppendLine("| reference learner | learning rate | error | prediction cosine | sensitivity cosine | margin |");
                md.AppendLine("|---|---|---|---|---|---|");
                foreach (var r in task.References)
                {
                    md.AppendLine(CultureInfo.InvariantCulture,
                        $"| {Cell(r.Learner)} | {(r.LearningRate is { } rate ? ReportText.Number(rate) : "")} | {ReportText.Estimate(r.Error)} | {ReportText.Estimate(r.PredictionCosine)} | {ReportText.Estimate(r.SensitivityCosine)} | {(r.Margin is { } m ? ReportText.Estimate(m) : "best")} |");
                }
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"Per seed: {string.Join(", ", task.PerSeed.Select(s => $"{s.Seed}: {Cell(ReportText.Verdict(s.Verdict, s.Learner))}"))}. {Cell(task.Explanation)}");
                md.AppendLine();
            }
        }
    }

    public static void Html(StringBuilder html, RunReport report)
    {
        html.Append($"<h2>Verdicts</h2>\n<p class=\"muted\">{E(Note)}</p>\n");
        foreach (var point in report.Points)
        {
            foreach (var task in point.Tasks ?? [])
            {
                var at = point.Parameters.Count == 0 ? "" : $" at {ReportText.Parameters(point)}";
                html.Append($"<h3>{E(task.Task + at)}: {E(ReportText.Verdict(task.Verdict, task.Learner))}</h3>\n");
                html.Append($"<p>{E(task.Distribution)}{(task.TrainingDistribution ? " (the training distribution)" : "")}; {task.Prompts} prompts per seed; model error {E(ReportText.Estimate(task.ModelError))}.</p>\n");
                HtmlTable.Open(html, "<th>reference learner</th><th>learning rate</th><th>error</th><th>prediction cosine</th><th>sensitivity cosine</th><th>margin</th>");
                foreach (var r in task.References)
                {
                    html.Append($"<tr><td>{E(r.Learner)}</td><td>{(r.LearningRate is { } rate ? E(ReportText.Number(rate)) : "")}</td><td>{E(ReportText.Estimate(r.Error))}</td>"
                        + $"<td>{E(ReportText.Estimate(r.PredictionCosine))}</td><td>{E(ReportText.Estimate(r.SensitivityCosine))}</td><td>{(r.Margin is { } m ? E(ReportText.Estimate(m)) : "best")}</td></tr>\n");
                }
                HtmlTable.Close(html);
                html.Append($"<p class=\"muted\">Per seed: {E(string.Join(", ", task.PerSeed.Select(s => $"{s.Seed}: {ReportText.Verdict(s.Verdict, s.Learner)}")))}. {E(task.Explanation)}</p>\n");
            }
        }
    }

    private static string Cell(string text) => MarkdownText.Inline(text);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
