using System.Globalization;
using MesaSpec.Experiments.Reports;
using Spectre.Console;

namespace MesaSpec.Cli.Running;

/// <summary>The terminal summary of a point of an experiment on a task: per evaluation task the verdict, errors and agreements.</summary>
internal static class TaskVerdictTable
{
    public static void Write(IAnsiConsole console, RunReport report, SweepPoint point, IReadOnlyList<TaskEvaluationReport> tasks)
    {
        var at = point.Parameters.Count == 0 ? "" : $" ({string.Join(", ", point.Parameters.Select(p => $"{p.Key} = {p.Value}"))})";
        if (point.Verdict is { } verdict)
        {
            console.MarkupLine($"[bold]{Markup.Escape(report.Experiment + at)}: {Verdict(verdict, point.Learner)}[/]");
            console.MarkupLine($"[grey]{Markup.Escape(point.Explanation ?? "")}[/]");
        }
        var references = tasks.FirstOrDefault()?.References ?? [];
        List<string> headers = ["task", "verdict", "model error", .. references.Select(r => Markup.Escape($"{r.Learner}: error / sensitivity cos")), "per seed"];
        var rows = tasks.Select(task => (IReadOnlyList<string>)
        [
            Markup.Escape(task.Task), Verdict(task.Verdict, task.Learner), Markup.Escape(VerdictTable.Interval(task.ModelError)),
            .. task.References.Select(r => Markup.Escape($"{F(r.Error.Mean)} / {VerdictTable.Interval(r.SensitivityCosine)}")),
            Markup.Escape(string.Join(", ", task.PerSeed.Select(s => $"{s.Seed}: {(s.Learner is { } l ? l : s.Verdict)}"))),
        ]).ToList();
        FittingTable.Write(console, report.Experiment + at, headers, rows, c => c >= 2 && c < headers.Count - 1);
        foreach (var task in tasks)
        {
            console.MarkupLine($"[grey]{Markup.Escape(task.Task)}: {Markup.Escape(task.Explanation)}[/]");
        }
    }

    private static string Verdict(string verdict, string? learner) => learner is null
        ? $"[grey]{Markup.Escape(verdict)}[/]"
        : $"[green]{Markup.Escape(verdict)}({Markup.Escape(learner)})[/]";

    private static string F(double? v) => v is null ? "-" : v.Value.ToString("0.000", CultureInfo.InvariantCulture);
}
