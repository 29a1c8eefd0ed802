using System.Text.Json;
using MesaSpec.Experiments.Reports;
using Microsoft.Data.Sqlite;

namespace MesaSpec.History.Storage;

/// <summary>
/// The report's numbers as rows, so that the history can be queried with plain SQL
/// (<c>sqlite3 .mesaspec/runs.db "select * from verdicts"</c>) without parsing JSON.
/// </summary>
internal static class ReportRows
{
    public static void Insert(SqliteTransaction transaction, long runId, RunReport report)
    {
        for (var p = 0; p < report.Points.Count; p++)
        {
            var point = report.Points[p];
            var parameters = JsonSerializer.Serialize(point.Parameters);
            foreach (var evaluation in point.Evaluations)
            {
                RunStore.Execute(transaction, """
                    INSERT INTO verdicts (run_id, point, parameters_json, environment, verdict, proxy, capability_mean,
                        capability_ci_low, capability_ci_high, explanation)
                    VALUES ($id, $point, $parameters, $environment, $verdict, $proxy, $mean, $low, $high, $explanation);
                    """,
                    ("$id", runId), ("$point", p), ("$parameters", parameters), ("$environment", evaluation.Environment),
                    ("$verdict", evaluation.Verdict), ("$proxy", evaluation.Proxy), ("$mean", evaluation.Capability.Mean),
                    ("$low", evaluation.Capability.CiLow), ("$high", evaluation.Capability.CiHigh), ("$explanation", evaluation.Explanation));
                InsertScores(transaction, runId, p, evaluation.Environment, "evaluated", evaluation.Objectives);
                InsertScores(transaction, runId, p, evaluation.Environment, "random", evaluation.RandomBaseline);
                foreach (var seed in evaluation.PerSeed)
                {
                    foreach (var objective in seed.Objectives)
                    {
                        RunStore.Execute(transaction, """
                            INSERT INTO seed_metrics (run_id, point, environment, seed, verdict, proxy, capability, objective,
                                score, score_all, goal_rate)
                            VALUES ($id, $point, $environment, $seed, $verdict, $proxy, $capability, $objective, $score, $all, $goal);
                            """,
                            ("$id", runId), ("$point", p), ("$environment", evaluation.Environment), ("$seed", seed.Seed),
                            ("$verdict", seed.Verdict), ("$proxy", seed.Proxy), ("$capability", Finite(seed.Capability)),
                            ("$objective", objective.Name), ("$score", objective.Score), ("$all", objective.ScoreAll is { } all ? Finite(all) : null),
                            ("$goal", Finite(objective.GoalRate)));
                    }
                }
            }
            // A point evaluating models trained at an earlier point trained nothing itself.
            foreach (var training in point.Training.Where(t => t.TrainedAtPoint is null))
            {
                RunStore.Execute(transaction, """
                    INSERT INTO training (run_id, point, seed, steps, steps_per_second, seconds, final_mean_return)
                    VALUES ($id, $point, $seed, $steps, $rate, $seconds, $final);
                    """,
                    ("$id", runId), ("$point", p), ("$seed", training.Seed), ("$steps", training.Steps),
                    ("$rate", Finite(training.StepsPerSecond)), ("$seconds", Finite(training.Seconds)),
                    ("$final", training.LearningCurve.Count > 0 ? training.LearningCurve[^1].MeanReturn : null));
            }
        }
        for (var i = 0; i < report.Expectations.Count; i++)
        {
            var expectation = report.Expectations[i];
            RunStore.Execute(transaction, """
                INSERT INTO expectations (run_id, ordinal, line, text, passed, detail)
                VALUES ($id, $ordinal, $line, $text, $passed, $detail);
                """,
                ("$id", runId), ("$ordinal", i), ("$line", expectation.Line), ("$text", expectation.Text),
                ("$passed", expectation.Passed ? 1 : 0), ("$detail", expectation.Detail));
        }
    }

    public static IEnumerable<RunArtifact> Checkpoints(RunReport report) =>
        report.Points.SelectMany(p => p.Training).Where(t => t.Checkpoint is not null).Select(t => t.Checkpoint!).Distinct(StringComparer.Ordinal)
            .Select(path => new RunArtifact("checkpoint", path));

    private static void InsertScores(SqliteTransaction transaction, long runId, int point, string environment, string policy, IEnumerable<ObjectiveScore> scores)
    {
        foreach (var score in scores)
        {
            RunStore.Execute(transaction, """
                INSERT INTO scores (run_id, point, environment, policy, objective, role, score_mean, score_ci_low, score_ci_high,
                    score_all_mean, score_all_ci_low, score_all_ci_high, goal_rate_mean, seeds)
                VALUES ($id, $point, $environment, $policy, $objective, $role, $mean, $low, $high, $allMean, $allLow, $allHigh, $goal, $seeds);
                """,
                ("$id", runId), ("$point", point), ("$environment", environment), ("$policy", policy), ("$objective", score.Name),
                ("$role", score.Role), ("$mean", score.Score.Mean), ("$low", score.Score.CiLow), ("$high", score.Score.CiHigh),
                ("$allMean", score.ScoreAll.Mean), ("$allLow", score.ScoreAll.CiLow), ("$allHigh", score.ScoreAll.CiHigh),
                ("$goal", score.GoalRate.Mean), ("$seeds", score.ScoreAll.Count));
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
