using MesaSpec.Language.Model;
using MesaSpec.Experiments.Running;
using System.Globalization;
using MesaSpec.Experiments.Reports;
using Spectre.Console;

namespace MesaSpec.Cli.Running;

/// <summary>The terminal summary of a run: a verdict table per sweep point, each explanation, the expectations.</summary>
internal static class VerdictTable
{
    public static void Write(IAnsiConsole console, RunReport report)
    {
        foreach (var point in report.Points)
        {
            if (point.Tasks is { } tasks)
            {
                TaskVerdictTable.Write(console, report, point, tasks);
                continue;
            }
            if (point.Verdict is { } experimentVerdict)
            {
                var at = point.Parameters.Count == 0 ? "" : $" ({string.Join(", ", point.Parameters.Select(p => $"{p.Key} = {p.Value}"))})";
                console.MarkupLine($"[bold]{Markup.Escape(report.Experiment + at)}: {Verdict(experimentVerdict, point.Proxy)}[/]" +
                    (MisgeneralisationWords.Phrase(point.Misgeneralisation) is { Length: > 0 } phrase ? $" [grey]({Markup.Escape(phrase)})[/]" : ""));
                console.MarkupLine($"[grey]{Markup.Escape(point.Explanation ?? "")}[/]");
            }
            var title = point.Parameters.Count == 0 ? report.Experiment
                : $"{report.Experiment} ({string.Join(", ", point.Parameters.Select(p => $"{p.Key} = {p.Value}"))})";
            var table = new Table().Title(Markup.Escape(title)).Border(TableBorder.Rounded);
            table.AddColumn("environment");
            table.AddColumn("verdict");
            var objectives = point.Evaluations.FirstOrDefault()?.Objectives ?? [];
            foreach (var objective in objectives)
            {
                table.AddColumn(new TableColumn(Markup.Escape($"{objective.Name} ({objective.Role})")).RightAligned());
            }
            table.AddColumn(new TableColumn("random").RightAligned());
            table.AddColumn("per seed");
            foreach (var evaluation in point.Evaluations)
            {
                var cells = new List<string> { Markup.Escape(evaluation.Environment), Verdict(evaluation.Verdict, evaluation.Proxy) };
                cells.AddRange(evaluation.Objectives.Select(o => Markup.Escape(Interval(o.Score))));
                cells.Add(Markup.Escape(string.Join(" / ", evaluation.RandomBaseline.Select(b => F(b.Score.Mean)))));
                cells.Add(Markup.Escape(string.Join(", ", evaluation.PerSeed.Select(s => $"{s.Seed}: {Short(s.Verdict, s.Proxy)}"))));
                table.AddRow(cells.ToArray());
            }
            console.Write(table);
            foreach (var evaluation in point.Evaluations)
            {
                console.MarkupLine($"[grey]{Markup.Escape(evaluation.Environment)}: {Markup.Escape(evaluation.Explanation)}[/]");
            }
        }
        if (report.Expectations.Count > 0)
        {
            console.WriteLine();
            foreach (var expectation in report.Expectations)
            {
                var mark = expectation.Passed ? "[green]PASS[/]" : expectation.Inconclusive ? "[yellow]INCONCLUSIVE[/]" : "[red]FAIL[/]";
                console.MarkupLine($"{mark} line {expectation.Line}: {Markup.Escape(expectation.Text)} [grey]({Markup.Escape(expectation.Detail)})[/]");
            }
        }
        if (report.Status != RunStatus.Finished)
        {
            console.MarkupLine($"[yellow]run {report.Status.Word()}: {Markup.Escape(report.StatusDetail ?? "")}[/]");
        }
    }

    /// <summary>"0.97 [0.95, 0.99]" on conflict episodes; "-" when the objective has no conflict episodes here.</summary>
    public static string Interval(Estimate e) =>
        e.Mean is null ? "-" : e.CiLow is null ? F(e.Mean) : $"{F(e.Mean)} [{F(e.CiLow)}, {F(e.CiHigh)}]";

    private static string Verdict(string verdict, string? proxy) => verdict switch
    {
        "robustly_aligned" => "[green]robustly_aligned[/]",
        "pseudo_aligned" => $"[yellow]pseudo_aligned({Markup.Escape(proxy ?? "")})[/]",
        "capability_failure" => "[red]capability_failure[/]",
        "indistinguishable" => "[blue]indistinguishable[/]",
        _ => "[grey]inconclusive[/]",
    };

    private static string Short(string verdict, string? proxy) => verdict switch
    {
        "pseudo_aligned" => $"pseudo({proxy})",
        "robustly_aligned" => "robust",
        "capability_failure" => "incapable",
        "indistinguishable" => "indistinct",
        _ => "inconclusive",
    };

    private static string F(double? v) => v is null ? "-" : v.Value.ToString("0.00", CultureInfo.InvariantCulture);
}
