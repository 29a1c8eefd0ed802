using System.Globalization;
using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Reports;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Running;

/// <summary>Turns the measurement's results into the report's shape, with the explanation a researcher reads first.</summary>
internal static class ReportMapping
{
    public static string Word(Verdict verdict) => VerdictWords.Word(verdict);

    public static string Word(Misgeneralisation kind) => MisgeneralisationWords.Word(kind);

    public static Estimate Estimate(ScoreSummary s) => new(s.Mean, s.CiLow, s.CiHigh, s.Count, s.Levels, s.Seeds, s.SeedVariance, s.LevelVariance);

    /// <param name="grid">The environment's grid size, for the map of where episodes end.</param>
    public static EvaluationReport Evaluation(EnvironmentResult result, string displayName, double discount, IReadOnlyList<BehaviourSample> samples,
        (int Width, int Height) grid) => new()
    {
        EndMap = EndMap(result, grid.Width, grid.Height),
        VisitMaps = VisitMaps(result, grid.Width, grid.Height),
        Environment = displayName,
        Verdict = Word(result.Verdict),
        Proxy = result.Proxy,
        Explanation = Explain(result),
        Episodes = result.Episodes,
        Levels = result.Levels,
        Discount = discount,
        Threshold = result.Threshold,
        Untestable = result.UntestableProxies,
        Capability = Estimate(result.Capability),
        Objectives = result.Objectives.Select(o => new ObjectiveScore(
            o.Objective, Role(o.Role), Estimate(o.Score), Estimate(o.ScoreAll), Estimate(o.GoalRate), o.ConflictEpisodes)
        {
            GainOverRandom = Estimate(o.GainOverRandom),
            Capable = o.Capable,
            ExcludedEpisodes = o.ExcludedEpisodes,
        }).ToList(),
        RandomBaseline = result.Objectives.Select(o => new ObjectiveScore(
            o.Objective, Role(o.Role), Estimate(o.RandomScore), Estimate(o.RandomScoreAll), Estimate(o.RandomGoalRate), o.ConflictEpisodes)
        {
            ExcludedEpisodes = o.ExcludedEpisodes,
        }).ToList(),
        PerSeed = result.PerSeed.Select(s => new SeedEvaluation(
            s.Seed, Word(s.Verdict), s.Proxy, s.Judgement.Capability.Mean ?? 0,
            s.Judgement.Candidates.Select(o => new Reports.SeedObjectiveScore(o.Objective, o.Score.Mean, o.ScoreAll.Mean, o.GoalRate.Mean ?? 0)).ToList())).ToList(),
        Samples = samples,
        RecordedEpisodes = result.PerSeed.SelectMany(s => s.Recorded).ToList() is { Count: > 0 } recorded ? recorded : null,
    };

    /// <summary>Episodes ending on each cell, over every seed; null when a seed's outcome has no end cells.</summary>
    private static IReadOnlyList<int[]>? EndMap(EnvironmentResult result, int width, int height)
    {
        if (result.PerSeed.Count == 0 || result.PerSeed.Any(s => s.EndCells is null) || width <= 0 || height <= 0)
        {
            return null;
        }
        var map = Enumerable.Range(0, height).Select(_ => new int[width]).ToArray();
        foreach (var cell in result.PerSeed.SelectMany(s => s.EndCells!))
        {
            if (cell >= 0 && cell < width * height)
            {
                map[cell / width][cell % width]++;
            }
        }
        return map;
    }

    /// <summary>
    /// Per candidate with a target, the agent's visits by offset from it, over every seed
    /// (<see cref="RelativeVisits"/>); null when a seed's outcome has none.
    /// </summary>
    private static IReadOnlyList<VisitMap>? VisitMaps(EnvironmentResult result, int width, int height)
    {
        var (columns, rows) = (2 * width - 1, 2 * height - 1);
        var names = result.Objectives.Select(o => o.Objective).ToArray();
        if (result.PerSeed.Count == 0 || width <= 0 || height <= 0
            || result.PerSeed.Any(s => s.RelativeVisits is not { } v || v.Length != names.Length || v.Any(c => c.Length != columns * rows)))
        {
            return null;
        }
        var maps = new List<VisitMap>();
        for (var c = 0; c < names.Length; c++)
        {
            var counts = new int[columns * rows];
            foreach (var seed in result.PerSeed)
            {
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] += seed.RelativeVisits![c][i];
                }
            }
            if (counts.Any(n => n > 0))
            {
                maps.Add(new VisitMap(names[c], columns, counts));
            }
        }
        return maps.Count == 0 ? null : maps;
    }

    private static string Role(ObjectiveRole role) => role == ObjectiveRole.Base ? "base" : "mesa";

    /// <summary>"pseudo_aligned to GoToCorner: GoToCorner 0.97 [0.95, 0.99] vs EatCheese 0.12 [...] on 143 conflict episodes of 600 (3 seeds); ..."</summary>
    public static string Explain(EnvironmentResult result)
    {
        var head = result.Verdict == Verdict.PseudoAligned ? $"pseudo_aligned to {result.Proxy}" : Word(result.Verdict);
        var seeds = result.PerSeed.Count;
        var total = result.Episodes * seeds;
        var parts = new List<string>();
        // The same numbers as the tables (HeadlineScores): on conflict episodes when there are any, over all otherwise.
        var onConflict = HeadlineScores.OnConflictEpisodes(result.ConflictEpisodes);
        string Scores(Func<CandidateEvidence, ScoreSummary> conflict, Func<CandidateEvidence, ScoreSummary> all, string separator) => string.Join(separator,
            result.Objectives.Select(o => (o.Objective, Score: HeadlineScores.Pick(onConflict, o.Testable, conflict(o), all(o))))
                .Where(x => x.Score is not null).Select(x => $"{x.Objective} {VerdictRule.Format(x.Score!)}"));
        parts.Add(onConflict
            ? $"{head}: {Scores(o => o.Score, o => o.ScoreAll, " vs ")} on the {result.ConflictEpisodes} of {total} episodes ({seeds} seed{(seeds == 1 ? "" : "s")}) that separate the objectives"
            : $"{head}: no episode of {total} ({seeds} seed{(seeds == 1 ? "" : "s")}) separates the objectives; over all episodes {Scores(o => o.Score, o => o.ScoreAll, ", ")}");
        var capable = result.Objectives.Where(o => o.Capable).Select(o => o.Objective).ToList();
        parts.Add(capable.Count == 0
            ? $"no objective is pursued significantly better than random (threshold {result.Threshold.ToString("0.##", CultureInfo.InvariantCulture)})"
            : $"pursued competently (significantly better than random, at least {result.Threshold.ToString("0.##", CultureInfo.InvariantCulture)}): {string.Join(", ", capable)}");
        // The random baseline on the same episodes as the scores above (and the tables' random policy).
        parts.Add((onConflict ? "random policy on the same episodes: " : "random policy over all episodes: ") + Scores(o => o.RandomScore, o => o.RandomScoreAll, ", "));
        parts.AddRange(result.Notes);
        return string.Join("; ", parts) + ".";
    }
}
