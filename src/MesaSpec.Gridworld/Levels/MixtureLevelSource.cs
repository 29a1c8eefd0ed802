using MesaSpec.Gridworld.Randomness;

namespace MesaSpec.Gridworld.Levels;

/// <summary>
/// A training mixture: episode <c>serial</c> first draws which environment it comes from, with probability that
/// environment's share (a 53-bit uniform against the cumulative shares, so a share of 1e-5 is drawn at that rate,
/// not rounded to a whole number of levels per batch), then takes that environment's own level for the serial.
/// The draw depends only on (seed, serial), so a run is reproducible whatever the batch size.
/// </summary>
public sealed class MixtureLevelSource : ILevelSource
{
    private readonly ILevelSource[] sources;
    private readonly double[] cumulative;
    private readonly long seed;

    public MixtureLevelSource(IReadOnlyList<ILevelSource> sources, IReadOnlyList<double> shares, long seed)
    {
        if (sources.Count == 0 || sources.Count != shares.Count)
        {
            throw new ArgumentException("a mixture needs one share per level source, and at least one source", nameof(shares));
        }
        this.sources = [.. sources];
        this.seed = seed;
        cumulative = new double[shares.Count];
        var total = shares.Sum();
        var running = 0.0;
        for (var i = 0; i < shares.Count; i++)
        {
            running += shares[i] / total;
            cumulative[i] = running;
        }
    }

    public bool RefillsLevels => sources.Any(s => s.RefillsLevels);

    /// <summary>The index of the environment episode <paramref name="serial"/> draws its level from.</summary>
    public int ComponentFor(long serial)
    {
        var u = DeterministicRandom.For(seed, serial, LevelSeeds.MixtureSalt).NextDouble();
        for (var i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }
        // The last environment takes the rest, so rounding in the running sum never leaves a gap.
        return cumulative.Length - 1;
    }

    public Level LevelFor(long serial, int slot) => sources[ComponentFor(serial)].LevelFor(serial, slot);
}
