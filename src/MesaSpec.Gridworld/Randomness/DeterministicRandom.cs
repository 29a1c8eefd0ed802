namespace MesaSpec.Gridworld.Randomness;

/// <summary>
/// A small, allocation-free pseudo-random generator (SplitMix64). Written out here rather than using
/// <see cref="System.Random"/> so that levels and random policies stay identical across .NET versions.
/// </summary>
public struct DeterministicRandom
{
    private ulong state;

    public DeterministicRandom(ulong seed) => state = seed;

    /// <summary>A generator for one purpose of one seed, e.g. level <paramref name="index"/> of a level stream.</summary>
    public static DeterministicRandom For(long seed, long index, ulong salt) =>
        new(Mix(Mix((ulong)seed ^ salt) + (ulong)index));

    /// <summary>The SplitMix64 finaliser: a bijective scramble of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>), without modulo bias (Lemire's multiply-shift with rejection).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "bound must be positive");
        }
        var threshold = (uint)(-bound) % (uint)bound;
        while (true)
        {
            var product = (ulong)(uint)(NextULong() >> 32) * (uint)bound;
            if ((uint)product >= threshold)
            {
                return (int)(product >> 32);
            }
        }
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));
}
