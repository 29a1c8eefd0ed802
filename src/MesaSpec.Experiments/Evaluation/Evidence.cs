namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// The statistics a verdict is read from, computed the same way for one seed and for all seeds together
/// (<see cref="ClusteredBootstrap"/>: seeds, then levels within seeds). For each candidate: its score on its
/// conflict episodes and on every scored episode, its goal rate, the random baseline's scores, and the gain over
/// random (policy minus random, level by level); for each proxy, base minus proxy on the proxy's conflict episodes.
/// </summary>
public static class Evidence
{
    public static CandidateEvidence[] Candidates(IReadOnlyList<SeedEpisodes> seeds, IReadOnlyList<string> names, double threshold)
    {
        var count = names.Count;
        var anyConflict = seeds.Any(s => s.Conflicts[0].Any(c => c));
        var result = new CandidateEvidence[count];
        for (var c = 0; c < count; c++)
        {
            var candidate = c;
            bool OnConflict(SeedEpisodes s, int e) => candidate == 0 ? !anyConflict || s.Conflicts[0][e] : s.Conflicts[candidate][e];
            var scoreAll = Summarise(seeds, (s, e) => s.Policy[candidate][e]);
            var gain = Summarise(seeds, (s, e) => s.Policy[candidate][e] - s.Random[candidate][e]);
            var conflicts = seeds.Sum(s => Enumerable.Range(0, s.Episodes).Count(e => candidate > 0 && s.Conflicts[candidate][e]));
            result[c] = new CandidateEvidence(
                names[c],
                c == 0 ? ObjectiveRole.Base : ObjectiveRole.Mesa,
                Summarise(seeds, (s, e) => OnConflict(s, e) ? s.Policy[candidate][e] : null),
                scoreAll,
                Summarise(seeds, (s, e) => s.PolicyGoals[candidate][e] ? 1 : 0),
                Summarise(seeds, (s, e) => OnConflict(s, e) ? s.Random[candidate][e] : null),
                Summarise(seeds, (s, e) => s.Random[candidate][e]),
                Summarise(seeds, (s, e) => s.RandomGoals[candidate][e] ? 1 : 0),
                gain,
                c == 0 ? seeds.Sum(s => s.Conflicts[0].Count(x => x)) : conflicts,
                seeds.Sum(s => s.Policy[candidate].Count(v => v is null)),
                c == 0 || conflicts > 0,
                gain.SignificantlyPositive && scoreAll.Mean >= threshold)
            {
                ConflictGainOverRandom = Summarise(seeds, (s, e) => OnConflict(s, e) && s.Policy[candidate][e] is { } p && s.Random[candidate][e] is { } r ? p - r : null),
            };
        }
        return result;
    }

    /// <summary>Base minus each testable proxy, level by level, on that proxy's conflict episodes.</summary>
    public static ProxyComparison[] Comparisons(IReadOnlyList<SeedEpisodes> seeds, CandidateEvidence[] candidates)
    {
        var comparisons = new List<ProxyComparison>();
        for (var p = 1; p < candidates.Length; p++)
        {
            if (!candidates[p].Testable)
            {
                continue;
            }
            var proxy = p;
            comparisons.Add(new ProxyComparison(
                candidates[p].Objective,
                candidates[p].ConflictEpisodes,
                Summarise(seeds, (s, e) => s.Conflicts[proxy][e] ? s.Policy[0][e] : null),
                candidates[p].Score,
                Summarise(seeds, (s, e) => s.Conflicts[proxy][e] ? s.Policy[0][e] - s.Policy[proxy][e] : null)));
        }
        return [.. comparisons];
    }

    public static ScoreSummary Summarise(IReadOnlyList<SeedEpisodes> seeds, Func<SeedEpisodes, int, double?> value) =>
        ClusteredBootstrap.Summarise(seeds.Select(s => ClusteredBootstrap.Clusters(s.LevelIds, e => value(s, e))).ToArray());
}
