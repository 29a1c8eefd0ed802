namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Which of a seed's evaluation episodes the report keeps for its episode browser: up to half conflict episodes
/// (the ones that tell the objectives apart, often few) and the rest from the others, each in episode order, then
/// whatever kind remains when one runs short. Chosen from the episode indices only, so it consumes no randomness
/// and the evaluation's numbers do not depend on it.
/// </summary>
public static class EpisodeSample
{
    public static IReadOnlyList<RecordedEpisode> Choose(int seed, bool[] conflicts, EpisodeScores scores, int count)
    {
        if (count <= 0)
        {
            return [];
        }
        var conflict = Enumerable.Range(0, conflicts.Length).Where(e => conflicts[e]).ToList();
        var other = Enumerable.Range(0, conflicts.Length).Where(e => !conflicts[e]).ToList();
        var fromConflict = Math.Min(conflict.Count, Math.Max((count + 1) / 2, count - other.Count));
        var chosen = conflict.Take(fromConflict).Concat(other.Take(count - fromConflict)).Order();
        return [.. chosen.Select(e => new RecordedEpisode(seed, e, conflicts[e], scores.Outcomes[e],
            string.Concat(scores.Actions[e].Select(a => (char)('0' + a)))))];
    }
}
