using MesaSpec.Gridworld.Randomness;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// The interval behind every score: a two-stage (hierarchical) percentile bootstrap. Each replicate draws
/// seeds with replacement, then, within each drawn seed, that seed's levels with replacement (every episode
/// of a drawn level comes along: episodes on one level of a finite set are one cluster, not independent
/// samples); the statistic is the mean over seeds of each seed's mean. The point estimate is the same
/// statistic on the data as observed. Percentile intervals stay inside the range of the values (scores in
/// [0, 1], differences in [-1, 1]). Deterministic: the resampling generator has a fixed seed, so the same
/// episodes always give the same interval.
/// </summary>
public static class ClusteredBootstrap
{
    public const int Replicates = 2000;

    private const ulong Salt = 0xB007_0000_0000_0001UL;

    /// <summary>One level's values within one seed: their sum and count.</summary>
    public readonly record struct Cluster(double Sum, int Count);

    /// <summary>Summarises values grouped as <c>seeds[s][cluster]</c>; empty seeds are ignored.</summary>
    public static ScoreSummary Summarise(IReadOnlyList<IReadOnlyList<Cluster>> seeds)
    {
        var kept = seeds.Where(s => s.Sum(c => c.Count) > 0).Select(s => s.Where(c => c.Count > 0).ToArray()).ToArray();
        var count = kept.Sum(s => s.Sum(c => c.Count));
        if (count == 0)
        {
            return ScoreSummary.Empty;
        }
        var seedMeans = kept.Select(Mean).ToArray();
        var mean = seedMeans.Average();
        var levels = kept.Sum(s => s.Length);
        double? seedVariance = seedMeans.Length > 1 ? Variance(seedMeans) : null;
        var withinSeed = kept.Where(s => s.Length > 1).Select(s => Variance(s.Select(c => c.Sum / c.Count).ToArray())).ToArray();
        double? levelVariance = withinSeed.Length > 0 ? withinSeed.Average() : null;
        if (levels < 2)
        {
            return new ScoreSummary(mean, null, null, count, levels, kept.Length, seedVariance, levelVariance);
        }
        var replicates = new double[Replicates];
        var random = new DeterministicRandom(DeterministicRandom.Mix(Salt));
        for (var b = 0; b < Replicates; b++)
        {
            double total = 0;
            for (var s = 0; s < kept.Length; s++)
            {
                var seed = kept[kept.Length == 1 ? 0 : random.NextInt(kept.Length)];
                double sum = 0;
                var n = 0;
                for (var c = 0; c < seed.Length; c++)
                {
                    var cluster = seed[seed.Length == 1 ? 0 : random.NextInt(seed.Length)];
                    sum += cluster.Sum;
                    n += cluster.Count;
                }
                total += sum / n;
            }
            replicates[b] = total / kept.Length;
        }
        Array.Sort(replicates);
        var low = Percentile(replicates, 0.025);
        var high = Percentile(replicates, 0.975);
        // Rounding in the sums may leave the observed mean a hair outside a degenerate interval.
        return new ScoreSummary(mean, Math.Min(low, mean), Math.Max(high, mean), count, levels, kept.Length, seedVariance, levelVariance);
    }

    /// <summary>Groups one seed's per-episode values (null: no value for that episode) by level id.</summary>
    public static IReadOnlyList<Cluster> Clusters(IReadOnlyList<int> levelIds, Func<int, double?> value)
    {
        var clusters = new Dictionary<int, (double Sum, int Count)>();
        var order = new List<int>();
        for (var e = 0; e < levelIds.Count; e++)
        {
            if (value(e) is not { } v)
            {
                continue;
            }
            if (!clusters.TryGetValue(levelIds[e], out var c))
            {
                order.Add(levelIds[e]);
            }
            clusters[levelIds[e]] = (c.Sum + v, c.Count + 1);
        }
        return order.Select(id => new Cluster(clusters[id].Sum, clusters[id].Count)).ToArray();
    }

    private static double Mean(Cluster[] clusters) => clusters.Sum(c => c.Sum) / clusters.Sum(c => c.Count);

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }

    /// <summary>Linear interpolation between order statistics (type 7).</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
