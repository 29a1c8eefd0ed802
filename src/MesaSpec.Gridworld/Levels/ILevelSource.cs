namespace MesaSpec.Gridworld.Levels;

/// <summary>
/// Supplies the level of each new episode of a vector environment. <paramref name="serial"/> counts the
/// episodes the environment has started (0, 1, 2, ... in slot order, then in the order episodes end), so a
/// source that depends only on it is deterministic.
/// </summary>
public interface ILevelSource
{
    Level LevelFor(long serial, int slot);

    /// <summary>
    /// True when the source refills per-slot buffers, so a <see cref="Level"/> object changes between episodes
    /// and must not be used as a cache key; false when it hands out the same immutable levels.
    /// </summary>
    bool RefillsLevels { get; }
}

/// <summary>A fresh level every episode: level <c>serial</c> of the stream (<c>seed</c>, <c>salt</c>), generated into the slot's own buffer.</summary>
public sealed class FreshLevelSource : ILevelSource
{
    private readonly LevelGenerator generator;
    private readonly long seed;
    private readonly ulong salt;
    private readonly Level[] buffers;

    public FreshLevelSource(LevelGenerator generator, long seed, ulong salt, int slots)
    {
        this.generator = generator;
        this.seed = seed;
        this.salt = salt;
        buffers = new Level[slots];
        for (var i = 0; i < slots; i++)
        {
            buffers[i] = generator.CreateBuffer();
        }
    }

    public bool RefillsLevels => true;

    public Level LevelFor(long serial, int slot)
    {
        generator.GenerateInto(buffers[slot], seed, serial, salt);
        return buffers[slot];
    }
}

/// <summary>
/// A finite training set (<c>levels N</c>): each episode draws one of <paramref name="levels"/> with a seeded
/// generator. The set itself is <see cref="FiniteSet"/>, the same for every training seed.
/// </summary>
public sealed class FiniteLevelSource(IReadOnlyList<Level> levels, long samplingSeed) : ILevelSource
{
    public bool RefillsLevels => false;

    public Level LevelFor(long serial, int slot)
    {
        var random = Randomness.DeterministicRandom.For(samplingSeed, serial, LevelSeeds.SamplingSalt);
        return levels[random.NextInt(levels.Count)];
    }

    /// <summary>The <paramref name="count"/> levels of an environment declared with <c>levels count</c>.</summary>
    public static Level[] FiniteSet(LevelGenerator generator, int count)
    {
        var set = new Level[count];
        for (var i = 0; i < count; i++)
        {
            set[i] = generator.Generate(LevelSeeds.FiniteSetSeed, i, LevelSeeds.FiniteSetSalt);
        }
        return set;
    }
}

/// <summary>Episode <c>serial</c> plays <c>levels[serial mod count]</c>: the fixed evaluation schedule.</summary>
public sealed class SequenceLevelSource(IReadOnlyList<Level> levels) : ILevelSource
{
    public bool RefillsLevels => false;

    public Level LevelFor(long serial, int slot) => levels[(int)(serial % levels.Count)];
}
