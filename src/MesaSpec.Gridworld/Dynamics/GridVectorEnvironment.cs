using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Dynamics;

/// <summary>
/// <see cref="Count"/> gridworld episodes stepped together, state kept as one array per field
/// (struct of arrays; entities' cells in one array of slot-major rows). An episode ends when the objective's end
/// conditions fire, when a hazard is touched (always), or at the horizon (truncated); it then resets itself on the same step with the next level of its
/// <see cref="ILevelSource"/>. Stepping allocates nothing (fresh levels are generated into per-slot buffers).
/// The per-slot accessors let planners (the oracle) and evaluators read the state and the last step's events.
/// </summary>
public sealed class GridVectorEnvironment : IVectorEnvironment
{
    private readonly ILevelSource levels;
    private readonly IEpisodeFeedback? feedback;
    private readonly ObservationWriter observations;
    private readonly int[] neighbours;
    private readonly Level[] level;
    private readonly int[] agentCell;
    private readonly ulong[] alive;
    private readonly ulong[] held;
    private readonly int[] steps;
    private readonly long[] serial;
    private readonly StepOutcome[] lastOutcome;
    private readonly int entityCount;
    private readonly int[] entityCells;     // [slot * entityCount + entity]
    private readonly int[] entityMemory;    // what each entity's movement remembers, same layout (0 at every reset)
    private readonly ulong[] counters;      // the base objective's counter word per slot
    private readonly Randomness.RandomSource[] streams; // each episode's stream for random moves, seeded by its level
    private readonly Movements.MovementGrid? movementGrid;
    private long nextSerial;

    public GridVectorEnvironment(EnvironmentModel environment, ObjectiveModel objective, int count, ItemKinds items, ILevelSource levels, ObservationLayout? layout = null)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "a vector environment needs at least one episode");
        }
        if (environment.Horizon < 1)
        {
            throw new LevelGenerationException(environment.Name, "horizon", null, $"environment '{environment.Name}': horizon must be at least 1, got {environment.Horizon}");
        }
        Environment = environment;
        Items = items;
        Objective = new CompiledObjective(environment, items, objective);
        Count = count;
        this.levels = levels;
        feedback = levels as IEpisodeFeedback;
        observations = new ObservationWriter(environment, items, layout ?? ObservationLayout.For(environment));
        neighbours = GridRules.NeighbourTable(environment.Width, environment.Height);
        level = new Level[count];
        agentCell = new int[count];
        alive = new ulong[count];
        held = new ulong[count];
        steps = new int[count];
        serial = new long[count];
        lastOutcome = new StepOutcome[count];
        entityCount = items.EntityCount;
        entityCells = new int[count * entityCount];
        entityMemory = new int[count * entityCount];
        counters = new ulong[count];
        streams = [.. Enumerable.Range(0, entityCount > 0 ? count : 0).Select(_ => new Randomness.RandomSource())];
        movementGrid = entityCount > 0 ? new Movements.MovementGrid(environment.Width, environment.Height, neighbours) : null;
        for (var i = 0; i < count; i++)
        {
            Reset(i);
        }
    }

    /// <summary>Training episodes: a finite level set sampled by <paramref name="seed"/>, or fresh levels seeded by it.</summary>
    public static GridVectorEnvironment ForTraining(EnvironmentModel environment, ObjectiveModel objective, int count, int seed, ObservationLayout? layout = null) =>
        ForTraining(TrainingDistribution.Of(environment), objective, count, seed, layout);

    /// <summary>
    /// Training episodes of a distribution: each environment's levels as <see cref="ForTraining(EnvironmentModel, ObjectiveModel, int, int, ObservationLayout?)"/>
    /// builds them, and for a mixture a <see cref="MixtureLevelSource"/> choosing between them per episode. The binder
    /// checked that a mixture's environments share grid, observation, horizon and item table (MS2042), so the first
    /// one's rules, items and observation hold for every level.
    /// </summary>
    public static GridVectorEnvironment ForTraining(TrainingDistribution distribution, ObjectiveModel objective, int count, int seed, ObservationLayout? layout = null)
    {
        var sources = new List<ILevelSource>();
        ItemKinds? items = null;
        foreach (var component in distribution.Components)
        {
            var generator = new LevelGenerator(component.Environment);
            items ??= generator.Items;
            sources.Add(component.Environment.Levels is int n
                ? new FiniteLevelSource(FiniteLevelSource.FiniteSet(generator, n), seed)
                : new FreshLevelSource(generator, seed, LevelSeeds.TrainingSalt, count));
        }
        var source = sources.Count == 1 ? sources[0] : new MixtureLevelSource(sources, [.. distribution.Components.Select(c => c.Share)], seed);
        source = Curricula.CurriculumLevels.Over(source, distribution, objective, items!, count, seed);
        return new GridVectorEnvironment(distribution.Components[0].Environment, objective, count, items!, source, layout);
    }

    /// <summary>Episodes that play <paramref name="schedule"/> in order (episode serial s plays level s mod length).</summary>
    public static GridVectorEnvironment ForLevels(EnvironmentModel environment, ObjectiveModel objective, int count, IReadOnlyList<Level> schedule, ObservationLayout? layout = null)
    {
        if (schedule.Count == 0)
        {
            throw new ArgumentException("the level schedule is empty", nameof(schedule));
        }
        return new GridVectorEnvironment(environment, objective, count, schedule[0].Items, new SequenceLevelSource(schedule), layout);
    }

    public EnvironmentModel Environment { get; }

    public ItemKinds Items { get; }

    /// <summary>The objective that rewards and terminates episodes (the base objective in an experiment).</summary>
    public CompiledObjective Objective { get; }

    public int Horizon => Environment.Horizon;

    public int Count { get; }

    public ObservationShape ObservationShape => observations.Shape;

    public int ActionCount => GridRules.ActionCount;

    /// <summary>Target cell per (cell, action); shared with planners.</summary>
    public int[] Neighbours => neighbours;

    public Level LevelOf(int slot) => level[slot];

    /// <summary>Where the episodes' levels come from (a curriculum reports what it did through it).</summary>
    public ILevelSource LevelSource => levels;

    public bool TrainsOn(int slot) => levels is not Curricula.ICurriculum curriculum || curriculum.TrainsOn(slot);

    /// <summary>Whether <see cref="LevelOf"/> objects stay unchanged across episodes (so planners may cache by level).</summary>
    public bool LevelsAreStable => !levels.RefillsLevels;

    public int AgentCell(int slot) => agentCell[slot];

    public ulong AliveItems(int slot) => alive[slot];

    /// <summary>What the slot's agent holds (keys and shields), as item bits.</summary>
    public ulong HeldKeys(int slot) => held[slot];

    /// <summary>The cells of the slot's entities (<see cref="ItemKinds.EntityItems"/>) now.</summary>
    public ReadOnlySpan<int> EntityCells(int slot) => entityCells.AsSpan(slot * entityCount, entityCount);

    /// <summary>The slot's entity cells packed as a planner state reads them.</summary>
    public ulong PackedEntities(int slot) => Planning.EntityPacking.Pack(EntityCells(slot), alive[slot], Items);

    /// <summary>What the slot's entities' movements remember (a patrol's current waypoint), one value per entity.</summary>
    public ReadOnlySpan<int> EntityMemory(int slot) => entityMemory.AsSpan(slot * entityCount, entityCount);

    /// <summary>The slot's entity memory packed as a planner state reads it.</summary>
    public int PackedMemory(int slot) => Planning.EntityPacking.PackMemory(EntityMemory(slot), alive[slot], Items);

    /// <summary>The counter word of the base objective in the slot's episode (its <c>at most</c> counts so far).</summary>
    public ulong Counters(int slot) => counters[slot];

    /// <summary>Steps taken so far in the slot's current episode.</summary>
    public int StepIndex(int slot) => steps[slot];

    /// <summary>Which episode (0, 1, 2, ...) the slot currently plays.</summary>
    public long Serial(int slot) => serial[slot];

    /// <summary>The events of the slot's most recent step (which may have ended the previous episode).</summary>
    public StepOutcome LastOutcome(int slot) => lastOutcome[slot];

    public void Observe(Span<float> destination)
    {
        var size = observations.Shape.Size;
        if (destination.Length < size * Count)
        {
            throw new ArgumentException($"the observation buffer holds {destination.Length} floats; {size * Count} are needed", nameof(destination));
        }
        for (var i = 0; i < Count; i++)
        {
            observations.Write(level[i], agentCell[i], alive[i], held[i], EntityCells(i), destination.Slice(i * size, size));
        }
    }

    /// <summary>Writes the observation of one slot (<see cref="ObservationShape"/>.Size floats).</summary>
    public void Observe(int slot, Span<float> destination) =>
        observations.Write(level[slot], agentCell[slot], alive[slot], held[slot], EntityCells(slot), destination);

    public void Step(ReadOnlySpan<int> actions, Span<float> rewards, Span<bool> dones, Span<bool> truncated)
    {
        if (actions.Length < Count || rewards.Length < Count || dones.Length < Count || truncated.Length < Count)
        {
            throw new ArgumentException($"Step needs {Count} actions, rewards, dones and truncated flags");
        }
        var objective = Objective;
        var horizon = Environment.Horizon;
        for (var i = 0; i < Count; i++)
        {
            var action = actions[i];
            if ((uint)action >= GridRules.ActionCount)
            {
                throw new ArgumentOutOfRangeException(nameof(actions), action, $"action of episode {i} is not 0..3");
            }
            var outcome = GridRules.Apply(level[i], neighbours, action, ref agentCell[i], ref alive[i], ref held[i],
                entityCells, entityMemory, i * entityCount, movementGrid, entityCount > 0 ? streams[i] : null, steps[i]);
            lastOutcome[i] = outcome;
            var reward = objective.Score(outcome, ref counters[i], out var ends);
            rewards[i] = (float)reward;
            feedback?.Rewarded(i, steps[i], reward);
            var terminal = ends || outcome.EndsEpisode;
            var cut = !terminal && ++steps[i] >= horizon;
            dones[i] = terminal || cut;
            truncated[i] = cut;
            if (terminal || cut)
            {
                feedback?.EpisodeEnded(i);
                Reset(i);
            }
        }
    }

    private void Reset(int slot)
    {
        var s = nextSerial++;
        var next = levels.LevelFor(s, slot);
        level[slot] = next;
        serial[slot] = s;
        agentCell[slot] = next.AgentCell;
        alive[slot] = next.AllItems;
        held[slot] = 0;
        steps[slot] = 0;
        counters[slot] = 0;
        var entities = next.Items.EntityItems;
        for (var e = 0; e < entityCount; e++)
        {
            entityCells[slot * entityCount + e] = next.ItemCells[entities[e]];
            entityMemory[slot * entityCount + e] = 0;
        }
        if (entityCount > 0)
        {
            streams[slot].State = new Randomness.DeterministicRandom(next.StreamSeed);
        }
    }
}
