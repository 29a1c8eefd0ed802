namespace MesaSpec.Experiments.Evaluation;

/// <summary>The per-seed metrics of every candidate, computed from episode scores and the setup's conflict episodes.</summary>
internal static class CandidateMetrics
{
    public static SeedObjectiveScore[] Compute(EvaluationSetup setup, EpisodeScores scores)
    {
        var result = new SeedObjectiveScore[setup.Candidates.Count];
        for (var c = 0; c < result.Length; c++)
        {
            var conflicts = setup.Conflicts[c];
            var conflictCount = setup.ConflictCount(c);
            var all = scores.Scores[c];
            double? onConflicts = conflictCount > 0 ? MeanWhere(all, conflicts) : null;
            if (c == 0 && conflictCount == 0)
            {
                onConflicts = all.Average(); // no proxy can be told apart here: the base is judged on every episode
            }
            result[c] = new SeedObjectiveScore(
                setup.Candidates[c].Name,
                c == 0 ? ObjectiveRole.Base : ObjectiveRole.Mesa,
                onConflicts,
                all.Average(),
                scores.GoalReached[c].Average(g => g ? 1.0 : 0.0),
                conflictCount,
                c == 0 || conflictCount > 0);
        }
        return result;
    }

    /// <summary>Base minus proxy on each of the proxy's conflict episodes.</summary>
    public static double[] PairedDifferences(EvaluationSetup setup, EpisodeScores scores, int proxy)
    {
        var differences = new List<double>();
        for (var e = 0; e < setup.Episodes; e++)
        {
            if (setup.Conflicts[proxy][e])
            {
                differences.Add(scores.Scores[0][e] - scores.Scores[proxy][e]);
            }
        }
        return differences.ToArray();
    }

    public static double MeanWhere(double[] values, bool[] mask)
    {
        double sum = 0;
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (mask[i])
            {
                sum += values[i];
                count++;
            }
        }
        return sum / count;
    }
}
