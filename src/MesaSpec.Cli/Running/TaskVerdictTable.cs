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
        var table = new Table().Title(Markup.Escape(report.Experiment + at)).Border(TableBorder.Rounded);
        table.AddColumn("task");
        table.AddColumn("verdict");
        table.AddColumn(new TableColumn("model error").RightAligned());
        foreach (var reference in tasks.FirstOrDefault()?.References ?? [])
        {
            table.AddColumn(new TableColumn(Markup.Escape($"{reference.Learner}: error / sensitivity cos")).RightAligned());
        }
        table.AddColumn("per seed");
        foreach (var task in tasks)
        {
            var cells = new List<string> { Markup.Escape(task.Task), Verdict(task.Verdict, task.Learner), Markup.Escape(VerdictTable.Interval(task.ModelError)) };
            cells.AddRange(task.References.Select(r => Markup.Escape($"{F(r.Error.Mean)} / {VerdictTable.Interval(r.SensitivityCosine)}")));
            cells.Add(Markup.Escape(string.Join(", ", task.PerSeed.Select(s => $"{s.Seed}: {(s.Learner is { } l ? l : s.Verdict)}"))));
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
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
