namespace MesaSpec.Gridworld.Curricula;

/// <summary>
/// The level buffer of prioritised level replay: at most <see cref="PlrSettings.Capacity"/> levels, each with its
/// latest score (here the planner regret), its cached optimal return and when it was last played. A replayed level
/// is drawn with probability <c>(1 - ρ)·P_score + ρ·P_stale</c> (Jiang et al. 2021): <c>P_score</c> ranks the
/// scores (the best has rank 1) and weighs rank r by <c>(1/r)^(1/β)</c>; <c>P_stale</c> weighs each level by the
/// episodes since it was last played. Time is the episode count the caller passes in. Pure logic, no randomness:
/// the caller supplies the uniform number, so the buffer is as deterministic as its inputs.
/// </summary>
public sealed class PlrBuffer
{
    private readonly PlrSettings settings;
    private readonly List<PlrEntry> entries;
    private readonly double[] rankWeights;
    private readonly double[] weights;
    private readonly double[] keys;
    private readonly int[] ranked;

    public PlrBuffer(PlrSettings settings)
    {
        settings.Validate();
        this.settings = settings;
        entries = new List<PlrEntry>(settings.Capacity);
        // The weight of rank r depends only on r and β: computed once, not per replay.
        rankWeights = new double[settings.Capacity];
        for (var r = 0; r < settings.Capacity; r++)
        {
            rankWeights[r] = Math.Pow(1.0 / (r + 1), 1.0 / settings.Temperature);
        }
        weights = new double[settings.Capacity];
        keys = new double[settings.Capacity];
        ranked = new int[settings.Capacity];
    }

    public int Count => entries.Count;

    public bool IsFull => entries.Count == settings.Capacity;

    public IReadOnlyList<PlrEntry> Entries => entries;

    /// <summary>The mean score of the levels held (0 when empty).</summary>
    public double MeanScore => entries.Count == 0 ? 0 : entries.Average(e => e.Score);

    /// <summary>Where the level <paramref name="key"/> sits in the buffer, or -1 (it was never added, or was replaced).</summary>
    public int IndexOf(long key) => entries.FindIndex(e => e.Key == key);

    /// <summary>
    /// Offers a freshly scored level: added while there is room, else it replaces the lowest-scoring level when it
    /// scores higher (the first of equals goes). Returns whether it was kept.
    /// </summary>
    public bool Offer(long key, double score, double optimal, long clock)
    {
        var entry = new PlrEntry(key, score, optimal, clock);
        if (!IsFull)
        {
            entries.Add(entry);
            return true;
        }
        var lowest = 0;
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].Score < entries[lowest].Score)
            {
                lowest = i;
            }
        }
        if (score <= entries[lowest].Score)
        {
            return false;
        }
        entries[lowest] = entry;
        return true;
    }

    /// <summary>A replay of level <paramref name="index"/> started at <paramref name="clock"/>: it is fresh again.</summary>
    public void Played(int index, long clock) => entries[index] = entries[index] with { LastPlayed = clock };

    /// <summary>A replay of level <paramref name="index"/> ended with a new score.</summary>
    public void Rescore(int index, double score) => entries[index] = entries[index] with { Score = score };

    /// <summary>The level a uniform <paramref name="u"/> in [0, 1) picks at <paramref name="clock"/>.</summary>
    public int Sample(double u, long clock)
    {
        if (entries.Count == 0)
        {
            throw new InvalidOperationException("cannot replay from an empty level buffer");
        }
        var probabilities = Probabilities(clock);
        var cumulative = 0.0;
        for (var i = 0; i < probabilities.Length - 1; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative)
            {
                return i;
            }
        }
        return probabilities.Length - 1;
    }

    /// <summary>Each held level's replay probability at <paramref name="clock"/> (they sum to 1).</summary>
    public double[] Probabilities(long clock)
    {
        var n = entries.Count;
        var result = new double[n];
        if (n == 0)
        {
            return result;
        }
        // Rank by score, highest first; equal scores keep buffer order, so the ranking is a function of the contents.
        for (var i = 0; i < n; i++)
        {
            ranked[i] = i;
            keys[i] = -entries[i].Score;
        }
        Array.Sort(keys, ranked, 0, n);
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }
            Array.Sort(ranked, start, end - start);
            start = end;
        }
        var scoreTotal = 0.0;
        for (var r = 0; r < n; r++)
        {
            weights[ranked[r]] = rankWeights[r];
            scoreTotal += rankWeights[r];
        }
        var staleTotal = 0.0;
        for (var i = 0; i < n; i++)
        {
            staleTotal += clock - entries[i].LastPlayed;
        }
        for (var i = 0; i < n; i++)
        {
            // With every level just played, staleness prefers none: its share is spread evenly.
            var stale = staleTotal > 0 ? (clock - entries[i].LastPlayed) / staleTotal : 1.0 / n;
            result[i] = (1 - settings.Staleness) * weights[i] / scoreTotal + settings.Staleness * stale;
        }
        return result;
    }
}

/// <summary>One level of the buffer: its identity, latest score, optimal return (planned once) and the episode count when it was last played.</summary>
public readonly record struct PlrEntry(long Key, double Score, double Optimal, long LastPlayed);
