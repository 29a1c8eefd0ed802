using MesaSpec.Experiments.Reports;
using MesaSpec.Gridworld.Randomness;

namespace MesaSpec.Experiments.InContext;

/// <summary>
/// The interval behind every in-context number: the same two-stage percentile bootstrap as the gridworld scores
/// (<see cref="Evaluation.ClusteredBootstrap"/>), with prompts as the clusters: each replicate draws seeds with
/// replacement, then each drawn seed's prompts with replacement. A statistic is computed per seed from that seed's
/// column sums (so ratios such as a cosine over prompts are well defined) and averaged over the seeds. The
/// resampling generator has a fixed seed: the same values always give the same interval.
/// </summary>
public sealed class PromptBootstrap
{
    public const int Replicates = 2000;

    private const ulong Salt = 0xB007_1C1_0000_0002UL;

    /// <summary>A statistic of one seed: its column sums over (resampled) prompts and their count.</summary>
    public delegate double SeedStatistic(ReadOnlySpan<double> sums, int count);

    private readonly double[][][] _seeds;
    private readonly int _columns;
    private readonly double[][][] _replicateSums;

    /// <param name="seeds">values[seed][prompt][column].</param>
    public PromptBootstrap(IReadOnlyList<IReadOnlyList<double[]>> seeds)
    {
        _seeds = seeds.Where(s => s.Count > 0).Select(s => s.ToArray()).ToArray();
        _columns = _seeds.Length == 0 ? 0 : _seeds[0][0].Length;
        // Every replicate's per-drawn-seed column sums, computed once and shared by all statistics.
        _replicateSums = new double[Replicates][][];
        var random = DeterministicRandom.For(0, _seeds.Length, Salt);
        for (var r = 0; r < Replicates; r++)
        {
            var drawn = new double[_seeds.Length][];
            for (var s = 0; s < _seeds.Length; s++)
            {
                var seed = _seeds[random.NextInt(_seeds.Length)];
                var sums = new double[_columns];
                for (var p = 0; p < seed.Length; p++)
                {
                    var row = seed[random.NextInt(seed.Length)];
                    for (var c = 0; c < _columns; c++)
                    {
                        sums[c] += row[c];
                    }
                }
                drawn[s] = sums;
            }
            _replicateSums[r] = drawn;
        }
    }

    public int Seeds => _seeds.Length;

    public int Prompts => _seeds.Sum(s => s.Length);

    /// <summary>The statistic on the observed prompts and its 95% percentile interval; an empty estimate without data.</summary>
    public Estimate Estimate(SeedStatistic statistic)
    {
        if (_seeds.Length == 0)
        {
            return new Estimate(null, null, null, 0);
        }
        var perSeed = _seeds.Select(seed =>
        {
            var sums = new double[_columns];
            foreach (var row in seed)
            {
                for (var c = 0; c < _columns; c++)
                {
                    sums[c] += row[c];
                }
            }
            return statistic(sums, seed.Length);
        }).ToArray();
        var mean = perSeed.Average();
        var replicates = new double[Replicates];
        for (var r = 0; r < Replicates; r++)
        {
            var total = 0.0;
            for (var s = 0; s < _seeds.Length; s++)
            {
                total += statistic(_replicateSums[r][s], _seeds[s].Length);
            }
            replicates[r] = total / _seeds.Length;
        }
        Array.Sort(replicates);
        double? seedVariance = perSeed.Length > 1 ? perSeed.Select(v => (v - mean) * (v - mean)).Sum() / (perSeed.Length - 1) : null;
        return new Estimate(mean, replicates[(int)(0.025 * (Replicates - 1))], replicates[(int)Math.Ceiling(0.975 * (Replicates - 1))],
            Prompts, Prompts, _seeds.Length, seedVariance);
    }

    /// <summary>The mean of one column.</summary>
    public static SeedStatistic Mean(int column) => (sums, count) => sums[column] / count;

    /// <summary>The mean of one column minus another's (paired: same prompts in every replicate).</summary>
    public static SeedStatistic MeanDifference(int a, int b) => (sums, count) => (sums[a] - sums[b]) / count;

    /// <summary>Σab / sqrt(Σa² Σb²): the cosine of two vectors over prompts, from the columns holding ab, a² and b².</summary>
    public static SeedStatistic Cosine(int product, int squaresA, int squaresB) => (sums, _) =>
        sums[squaresA] > 0 && sums[squaresB] > 0 ? sums[product] / Math.Sqrt(sums[squaresA] * sums[squaresB]) : 0;
}
