using System.Diagnostics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Randomness;

namespace MesaSpec.Gridworld.Curricula;

/// <summary>
/// Prioritised level replay scored by planner regret: each episode, once the buffer is full, replays a buffered level
/// with probability <see cref="PlrSettings.Replay"/> (chosen by <see cref="PlrBuffer"/>), else plays a fresh level of
/// the underlying distribution. When an episode ends its level is scored by its oracle regret, the optimal discounted
/// return (the exact planner's, planned once per level) minus the return the agent achieved, and a fresh level is
/// offered to the buffer, a replayed one rescored. The model trains on every episode, fresh or replayed (PLR, Jiang et
/// al. 2021), or with <see cref="PlrSettings.Robust"/> on replayed levels only (PLR⊥: fresh levels are only scored, and
/// the trainer asks <see cref="TrainsOn"/>). Every choice is drawn from (seed, episode serial), so a run is as deterministic as its episodes.
/// </summary>
public sealed class RegretCurriculum : ILevelSource, IEpisodeFeedback, ICurriculum
{
    private readonly ILevelSource fresh;
    private readonly PlrSettings settings;
    private readonly PlrBuffer buffer;
    private readonly Func<Level, double> optimalReturn;
    private readonly double discount;
    private readonly long seed;
    // A source that hands out the same level objects (a finite set) names a level by its object, so the buffer never
    // holds one level twice; a source that regenerates levels names it by the serial that drew it, and replays it by
    // drawing that serial again.
    private readonly Dictionary<Level, long> stableKeys = new(ReferenceEqualityComparer.Instance);
    private readonly List<Level> stableLevels = [];
    private readonly Dictionary<long, double> stableOptimal = [];
    private readonly long[] slotKey;
    private readonly double[] slotOptimal;
    private readonly double[] slotAchieved;
    private readonly bool[] slotReplayed;
    private readonly long[] slotSerial;
    private readonly Stopwatch planning = new();
    private long episodes;
    private long replays;
    private long planned;
    private double freshRegret;
    private long freshScored;
    private double replayRegret;
    private long replayScored;

    public RegretCurriculum(ILevelSource fresh, PlrSettings settings, Func<Level, double> optimalReturn, double discount, int slots, long seed)
    {
        this.fresh = fresh;
        this.settings = settings;
        buffer = new PlrBuffer(settings);
        this.optimalReturn = optimalReturn;
        this.discount = discount;
        this.seed = seed;
        slotKey = new long[slots];
        slotOptimal = new double[slots];
        slotAchieved = new double[slots];
        slotReplayed = new bool[slots];
        slotSerial = new long[slots];
    }

    public bool RefillsLevels => fresh.RefillsLevels;

    public PlrBuffer Buffer => buffer;

    public Level LevelFor(long serial, int slot)
    {
        episodes++;
        var random = DeterministicRandom.For(seed, serial, LevelSeeds.CurriculumSalt);
        Level level;
        // Replay only from a full buffer: until then every level is fresh, so the first replays choose among many.
        if (random.NextDouble() < settings.Replay && buffer.IsFull)
        {
            var index = buffer.Sample(random.NextDouble(), serial);
            var entry = buffer.Entries[index];
            buffer.Played(index, serial);
            level = fresh.RefillsLevels ? fresh.LevelFor(entry.Key, slot) : stableLevels[(int)entry.Key];
            (slotKey[slot], slotOptimal[slot], slotReplayed[slot]) = (entry.Key, entry.Optimal, true);
            replays++;
        }
        else
        {
            level = fresh.LevelFor(serial, slot);
            var key = KeyOf(level, serial);
            (slotKey[slot], slotOptimal[slot], slotReplayed[slot]) = (key, OptimalOf(level, key), false);
        }
        slotAchieved[slot] = 0;
        slotSerial[slot] = serial;
        return level;
    }

    public void Rewarded(int slot, int step, double reward) => slotAchieved[slot] += Math.Pow(discount, step) * reward;

    public void EpisodeEnded(int slot)
    {
        // The planner's return is the best possible, so only rounding can make the agent's exceed it.
        var regret = Math.Max(0, slotOptimal[slot] - slotAchieved[slot]);
        var key = slotKey[slot];
        var index = buffer.IndexOf(key);
        if (slotReplayed[slot])
        {
            replayRegret += regret;
            replayScored++;
            // Another slot's fresh level may have replaced this one while it played: then its score is dropped.
            if (index >= 0)
            {
                buffer.Rescore(index, regret);
            }
            return;
        }
        freshRegret += regret;
        freshScored++;
        if (index >= 0)
        {
            buffer.Rescore(index, regret); // a finite set's level drawn fresh again
        }
        else
        {
            buffer.Offer(key, regret, slotOptimal[slot], slotSerial[slot]);
        }
    }

    public bool TrainsOn(int slot) => !settings.Robust || slotReplayed[slot];

    public CurriculumSummary Summary() => new(
        episodes,
        replays,
        episodes == 0 ? 0 : (double)replays / episodes,
        planned,
        planning.Elapsed.TotalSeconds,
        buffer.Count,
        buffer.MeanScore,
        freshScored == 0 ? null : freshRegret / freshScored,
        replayScored == 0 ? null : replayRegret / replayScored);

    private long KeyOf(Level level, long serial)
    {
        if (fresh.RefillsLevels)
        {
            return serial;
        }
        if (!stableKeys.TryGetValue(level, out var key))
        {
            key = stableLevels.Count;
            stableKeys[level] = key;
            stableLevels.Add(level);
        }
        return key;
    }

    private double OptimalOf(Level level, long key)
    {
        if (!fresh.RefillsLevels && stableOptimal.TryGetValue(key, out var known))
        {
            return known;
        }
        planning.Start();
        var optimal = optimalReturn(level);
        planning.Stop();
        planned++;
        if (!fresh.RefillsLevels)
        {
            stableOptimal[key] = optimal;
        }
        return optimal;
    }
}
