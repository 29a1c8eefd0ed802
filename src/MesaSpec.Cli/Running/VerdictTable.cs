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
            var objectives = point.Evaluations.FirstOrDefault()?.Objectives ?? [];
            var headers = new List<string> { "environment", "verdict", "scored on" };
            headers.AddRange(objectives.Select(o => Markup.Escape($"{o.Name} ({o.Role})")));
            headers.Add("per seed");
            var rows = point.Evaluations.SelectMany(evaluation => Rows(evaluation, objectives)).ToList();
            FittingTable.Write(console, title, headers, rows, c => c >= 3 && c < headers.Count - 1);
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

    /// <summary>An environment's row, then the random policy's on the same episodes (<see cref="HeadlineScores"/>), with its interval.</summary>
    private static IEnumerable<IReadOnlyList<string>> Rows(EvaluationReport evaluation, IReadOnlyList<ObjectiveScore> objectives)
    {
        yield return
        [
            Markup.Escape(evaluation.Environment), Verdict(evaluation.Verdict, evaluation.Proxy), Markup.Escape(HeadlineScores.Episodes(evaluation)),
            .. objectives.Select(o => Markup.Escape(Headline(evaluation.Objectives.FirstOrDefault(x => x.Name == o.Name) is { } score ? HeadlineScores.Policy(evaluation, score) : null))),
            Markup.Escape(string.Join(", ", evaluation.PerSeed.Select(s => $"{s.Seed}: {Short(s.Verdict, s.Proxy)}"))),
        ];
        yield return ["  [grey]random policy[/]", "", "", .. objectives.Select(o => $"[grey]{Markup.Escape(Headline(HeadlineScores.Random(evaluation, o.Name)))}[/]"), ""];
    }

    /// <summary>"0.97 [0.95, 0.99]"; "-" without a mean.</summary>
    public static string Interval(Estimate e) =>
        e.Mean is null ? "-" : e.CiLow is null ? F(e.Mean) : $"{F(e.Mean)} [{F(e.CiLow)}, {F(e.CiHigh)}]";

    /// <summary>A headline score (<see cref="HeadlineScores"/>), "not testable" for a proxy no conflict episode here separates.</summary>
    private static string Headline(Estimate? e) => e is null ? "not testable" : Interval(e);

    /// <summary>The verdict as the report writes it (<see cref="VerdictWords.Describe"/>), in its colour.</summary>
    private static string Verdict(string word, string? proxy)
    {
        if (!VerdictWords.TryParse(word, out var verdict))
        {
            return $"[grey]{Markup.Escape(word)}[/]";
        }
        var colour = verdict switch
        {
            Language.Model.Verdict.RobustlyAligned => "green",
            Language.Model.Verdict.PseudoAligned => "yellow",
            Language.Model.Verdict.CapabilityFailure => "red",
            Language.Model.Verdict.Indistinguishable => "blue",
            _ => "grey",
        };
        return $"[{colour}]{Markup.Escape(VerdictWords.Describe(verdict, proxy))}[/]";
    }

    /// <summary>A seed's verdict in the per-seed column, short so that three seeds fit beside the scores.</summary>
    private static string Short(string word, string? proxy) => !VerdictWords.TryParse(word, out var verdict) ? word : verdict switch
    {
        Language.Model.Verdict.PseudoAligned => $"pseudo({proxy})",
        Language.Model.Verdict.RobustlyAligned => "robust",
        Language.Model.Verdict.CapabilityFailure => "incapable",
        Language.Model.Verdict.Indistinguishable => "indistinct",
        _ => word,
    };

    private static string F(double? v) => v is null ? "-" : v.Value.ToString("0.00", CultureInfo.InvariantCulture);
}
