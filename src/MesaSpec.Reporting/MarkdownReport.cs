using MesaSpec.Language.Model;
using MesaSpec.Experiments.Running;
using System.Globalization;
using System.Text;
using MesaSpec.Experiments.Reports;

namespace MesaSpec.Reporting;

/// <summary>
/// report.md: the report as text a researcher can read in a terminal, a pull request or a notebook — the
/// verdict table with confidence intervals, expectations, per-seed results, training and a few behaviour
/// samples drawn as arrows on the grid.
/// </summary>
public static class MarkdownReport
{
    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {Cell(report.Experiment)}");
        md.AppendLine();
        if (report.Status != RunStatus.Finished)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"> **{Cell(ReportText.Status(report))}.**");
            md.AppendLine();
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"- spec: {MarkdownText.Code(report.Spec.Path)} (sha256 {MarkdownText.Code(Short(report.Spec.Sha256))})");
        md.AppendLine(CultureInfo.InvariantCulture, $"- policy: {Cell(report.Spec.PolicySource)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- status: {Cell(ReportText.Status(report))}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- seeds: {string.Join(", ", report.Seeds)}; completed: {string.Join(", ", report.Points.SelectMany(p => p.CompletedSeeds).Distinct())}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- engine {report.EngineVersion}; {report.Settings.Threads} thread(s) on {report.Settings.Device}; {ReportText.Duration(report.DurationSeconds)}");
        if (report.Sweep is { } sweep)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- sweep: {Cell(sweep.Parameter)} over {Cell(string.Join(", ", sweep.Values))}");
        }
        md.AppendLine();

        if (report.Points.Any(p => p.Verdict is not null))
        {
            md.AppendLine("## Experiment verdict");
            md.AppendLine();
            foreach (var point in report.Points.Where(p => p.Verdict is not null))
            {
                var at = point.Parameters.Count == 0 ? "" : $"{ReportText.Parameters(point)}: ";
                var kind = MisgeneralisationWords.Phrase(point.Misgeneralisation) is { Length: > 0 } phrase ? $" ({phrase})" : "";
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Cell(at)}**{Cell(ReportText.Verdict(point.Verdict!, point.Proxy ?? point.Learner))}**{kind}: {Cell(point.Explanation ?? "")}");
            }
            md.AppendLine();
        }

        var sweepColumn = report.Sweep is not null;
        if (TaskReportSections.HasTasks(report))
        {
            TaskReportSections.Markdown(md, report);
        }
        else
        {
            EnvironmentVerdicts(md, report, sweepColumn);
            ProbeReportSections.Markdown(md, report);
        }

        if (report.Expectations.Count > 0)
        {
            md.AppendLine("## Expectations");
            md.AppendLine();
            foreach (var expectation in report.Expectations)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- [{(expectation.Passed ? "x" : " ")}] line {expectation.Line}: {MarkdownText.Code(expectation.Text)} — {(expectation.Passed ? "holds" : expectation.Inconclusive ? "inconclusive" : "fails")}: {Cell(expectation.Detail)}");
            }
            md.AppendLine();
        }

        var training = report.Points.Where(p => !ReportText.TrainedElsewhere(p)).SelectMany(p => p.Training.Select(t => (Point: p, Training: t))).ToList();
        if (training.Count > 0)
        {
            md.AppendLine("## Training");
            md.AppendLine();
            md.AppendLine((sweepColumn ? "| point " : "") + "| seed | steps | steps/s | time | final mean return | checkpoint |");
            md.AppendLine((sweepColumn ? "|---" : "") + "|---|---|---|---|---|---|");
            foreach (var (point, t) in training)
            {
                var final = t.LearningCurve.Count > 0 ? ReportText.Number(t.LearningCurve[^1].MeanReturn) : "n/a";
                md.AppendLine((sweepColumn ? $"| {Cell(ReportText.Parameters(point))} " : "")
                    + $"| {t.Seed} | {TrainedSteps(t)} | {t.StepsPerSecond.ToString("0", CultureInfo.InvariantCulture)} | {ReportText.Duration(t.Seconds)} | {final} | {(t.Checkpoint is null ? "" : MarkdownText.Code(t.Checkpoint))} |");
            }
            md.AppendLine();
            if (ReportText.SharedTraining(report) is { } shared)
            {
                md.AppendLine(shared);
                md.AppendLine();
            }
            // Every seed of a point trains through the same phases: say them once per point.
            foreach (var (point, t) in training.Where(x => x.Training.Phases is { Count: > 0 }).DistinctBy(x => x.Point))
            {
                md.AppendLine((sweepColumn ? $"{ReportText.Parameters(point)}: " : "") + "phases: " + string.Join("; then ", t.Phases!.Select(phase =>
                    $"{phase.Phase}. `{phase.Distribution}` rewarding {phase.Objective}, {phase.Algorithm}, {phase.Steps.ToString(CultureInfo.InvariantCulture)} steps"
                    + (phase.Curriculum is { } c ? ", curriculum " + MarkdownText.Code($"{c.Name}({string.Join(", ", c.Parameters.Select(kv => $"{kv.Key}: {kv.Value}"))})") : ""))) + ".");
                md.AppendLine();
            }
            CurriculumTable(md, training, sweepColumn);
            if (training.Select(x => x.Training.ResumedFrom).FirstOrDefault(r => r is not null) is { } resumed)
            {
                md.AppendLine($"Resumed from recorded weights (`{resumed}`{(training.Select(x => x.Training.ResumedFrom).Distinct().Count() > 1 ? " and others, one per seed" : "")}).");
                md.AppendLine();
            }
        }

        var samples = report.Points.Take(1).SelectMany(p => p.Evaluations.SelectMany(e => e.Samples.Take(1).Select(s => (e.Environment, Sample: s)))).ToList();
        if (samples.Count > 0)
        {
            md.AppendLine("## Behaviour");
            md.AppendLine();
            md.AppendLine("One level per evaluation environment: the arrows show the action the policy prefers in each free cell at the start of the episode; report.html also shows where it went.");
            md.AppendLine();
            foreach (var (environment, sample) in samples)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"{Cell(environment)}, level {sample.Level}, seed {sample.Seed}{(sample.Conflict ? " (conflict level)" : "")}, {ReportText.Steps(sample)} steps:");
                md.AppendLine();
                md.AppendLine("```");
                foreach (var row in ReportText.ArrowRows(sample))
                {
                    md.AppendLine(row);
                }
                var legend = sample.Grid.FirstOrDefault(r => r.StartsWith("legend:", StringComparison.Ordinal));
                if (legend is not null)
                {
                    md.AppendLine(legend);
                }
                md.AppendLine("```");
                md.AppendLine();
            }
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"_Generated by mesaspec {report.EngineVersion}; the numbers are in report.json (schema {report.SchemaVersion})._");
        return md.ToString();
    }

    /// <summary>
    /// The steps trained. Reports written before <c>training[].steps</c> counted them gave the budget; there the learning
    /// curve's last step says what was trained ("300000 (301056 trained)").
    /// </summary>
    private static string TrainedSteps(TrainingReport t) => t.LearningCurve.Count > 0 && t.LearningCurve[^1].Step > t.Steps
        ? string.Create(CultureInfo.InvariantCulture, $"{t.Steps} ({t.LearningCurve[^1].Step} trained)")
        : t.Steps.ToString(CultureInfo.InvariantCulture);

    /// <summary>What each curriculum phase did, per seed: replays, the planner's work, the regrets; nothing without a curriculum.</summary>
    private static void CurriculumTable(StringBuilder md, IReadOnlyList<(SweepPoint Point, TrainingReport Training)> training, bool sweepColumn)
    {
        var rows = training.SelectMany(x => (x.Training.Phases ?? []).Where(p => p.Curriculum is not null).Select(p => (x.Point, x.Training.Seed, p.Phase, Curriculum: p.Curriculum!))).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        md.AppendLine((sweepColumn ? "| point " : "") + "| seed | phase | curriculum | episodes | replayed | levels planned | planner time | buffer regret | fresh regret | replayed regret |");
        md.AppendLine((sweepColumn ? "|---" : "") + "|---|---|---|---|---|---|---|---|---|---|");
        static string Regret(double? r) => r is { } v ? ReportText.Number(v) : "n/a";
        foreach (var (point, seed, phase, curriculum) in rows)
        {
            var c = curriculum.Statistics;
            md.AppendLine((sweepColumn ? $"| {Cell(ReportText.Parameters(point))} " : "") + string.Create(CultureInfo.InvariantCulture,
                $"| {seed} | {phase} | {MarkdownText.Code(curriculum.Name)} | {c.Episodes} | {c.ReplayFraction * 100:0}% | {c.LevelsPlanned} | {ReportText.Duration(c.PlanningSeconds)} | {ReportText.Number(c.BufferMeanRegret)} | {Regret(c.FreshMeanRegret)} | {Regret(c.ReplayedMeanRegret)} |"));
        }
        md.AppendLine();
        md.AppendLine("Regret: the planner's optimal discounted return minus the agent's, per episode (reward units); the buffer's is its mean at the end.");
        md.AppendLine();
    }

    private static void EnvironmentVerdicts(StringBuilder md, RunReport report, bool sweepColumn)
    {
        md.AppendLine("## Verdicts");
        md.AppendLine();
        md.AppendLine("Scores are discounted returns normalised by the planner's optimal discounted return (1 = optimal), measured on the episodes that separate the objectives (conflict episodes), or over all episodes where none does (the scored-on column says which; the random policy on the same episodes), with 95% confidence intervals from a bootstrap over seeds and levels.");
        md.AppendLine();
        md.AppendLine((sweepColumn ? "| point " : "") + "| environment | verdict | capability | scored on | scores | random policy | seeds |");
        md.AppendLine((sweepColumn ? "|---" : "") + "|---|---|---|---|---|---|---|");
        foreach (var point in report.Points)
        {
            foreach (var e in point.Evaluations)
            {
                var scores = string.Join("<br>", e.Objectives.Select(o => $"{Cell(o.Name)}{(o.Role == "base" ? " (base)" : "")} {ReportText.Headline(HeadlineScores.Policy(e, o))}"));
                var random = string.Join("<br>", e.RandomBaseline.Select(o => $"{Cell(o.Name)} {ReportText.Headline(HeadlineScores.Random(e, o.Name))}"));
                var seeds = string.Join("<br>", e.PerSeed.Select(s => $"{s.Seed}: {Cell(ReportText.Verdict(s.Verdict, s.Proxy))}"));
                md.AppendLine((sweepColumn ? $"| {Cell(ReportText.Parameters(point))} " : "")
                    + $"| {Cell(e.Environment)} | **{Cell(ReportText.Verdict(e.Verdict, e.Proxy))}** | {ReportText.Estimate(e.Capability)} (threshold {ReportText.Number(e.Threshold)}) | {HeadlineScores.Episodes(e)} | {scores} | {random} | {seeds} |");
            }
        }
        md.AppendLine();
        foreach (var point in report.Points)
        {
            foreach (var e in point.Evaluations)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{Cell(e.Environment)}**{(sweepColumn ? $" at {Cell(ReportText.Parameters(point))}" : "")}: {Cell(e.Explanation)}");
            }
        }
        md.AppendLine();
    }

    private static string Cell(string text) => MarkdownText.Inline(text);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
