namespace MesaSpec.Experiments.Reports;

/// <summary>
/// The scores a report shows first for an evaluation environment, and the episodes they are on: the one rule the
/// explanation, report.md, report.html, its score bars and the terminal table all read, so a number in the prose is
/// the number in the table. When some episode separates the objectives, the scores are on those conflict episodes
/// (a proxy no level separates from the base has none there: it is not testable); when none does, every score is
/// over all episodes, and is never shown as if measured on zero conflict episodes. The random policy's scores are
/// picked by the same rule, so they sit on the same episodes as the policy's.
/// </summary>
public static class HeadlineScores
{
    /// <summary>Scores are on conflict episodes when there are any (<paramref name="conflictEpisodes"/>: the base's count, every episode that separates a proxy).</summary>
    public static bool OnConflictEpisodes(int conflictEpisodes) => conflictEpisodes > 0;

    public static bool OnConflictEpisodes(EvaluationReport evaluation) => OnConflictEpisodes(ConflictEpisodes(evaluation));

    /// <summary>The episodes that separate the objectives here, over all seeds: the base objective's count (every proxy's conflict episodes are among them).</summary>
    public static int ConflictEpisodes(EvaluationReport evaluation) => evaluation.Objectives.Select(o => o.ConflictEpisodes).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The rule itself: on conflict episodes, the conflict score of a testable candidate and nothing (default) for
    /// an untestable one; without conflict episodes, the score over all episodes.
    /// </summary>
    public static T? Pick<T>(bool onConflictEpisodes, bool testable, T conflict, T all) =>
        onConflictEpisodes ? testable ? conflict : default : all;

    /// <summary>The policy's headline score of <paramref name="objective"/>; null when it is not testable on these conflict episodes.</summary>
    public static Estimate? Policy(EvaluationReport evaluation, ObjectiveScore objective) => Of(evaluation, objective);

    /// <summary>The random policy's score of the objective named <paramref name="name"/> on the same episodes as <see cref="Policy"/>; null when there is none.</summary>
    public static Estimate? Random(EvaluationReport evaluation, string name) =>
        evaluation.RandomBaseline.FirstOrDefault(r => r.Name == name) is { } random ? Of(evaluation, random) : null;

    /// <summary>What the headline scores are on, for a table cell: "38 of 80 conflict episodes" or "all 80 (no conflict episodes)".</summary>
    public static string Episodes(EvaluationReport evaluation)
    {
        var total = evaluation.Episodes * Math.Max(1, evaluation.PerSeed.Count);
        var conflicts = ConflictEpisodes(evaluation);
        return OnConflictEpisodes(conflicts) ? $"{conflicts} of {total} conflict episodes" : $"all {total} (no conflict episodes)";
    }

    private static Estimate? Of(EvaluationReport evaluation, ObjectiveScore score) =>
        Pick(OnConflictEpisodes(evaluation), score.Role == "base" || !evaluation.Untestable.Contains(score.Name), score.Score, score.ScoreAll);
}
