using MesaSpec.Gridworld.Curricula;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

/// <summary>Issue 14: prioritised level replay scored by planner regret (<c>curriculum plr(...)</c>).</summary>
public sealed class CurriculumTests
{
    [Fact]
    public void Every_built_in_curriculum_descriptor_has_a_gridworld_entry_holding_that_very_descriptor()
    {
        var declared = ComponentCatalog.Default.OfKind(ComponentKind.Curriculum).ToList();
        var entries = new Components.GridworldComponents().GetEntries().OfType<ICurriculumComponent>().Select(e => e.Descriptor).OrderBy(d => d.Name, StringComparer.Ordinal);

        Assert.Equal(declared, entries, ReferenceEqualityComparer.Instance);
    }

    private static PlrSettings Settings(int capacity = 4, double replay = 0.5, double temperature = 0.3, double staleness = 0) =>
        new(capacity, replay, temperature, staleness);

    [Fact]
    public void The_highest_regret_level_is_the_likeliest_replay_and_probabilities_follow_rank()
    {
        var buffer = new PlrBuffer(Settings(temperature: 1));
        buffer.Offer(key: 10, score: 1, optimal: 10, clock: 0);
        buffer.Offer(key: 11, score: 9, optimal: 10, clock: 0);
        buffer.Offer(key: 12, score: 4, optimal: 10, clock: 0);

        var p = buffer.Probabilities(clock: 5);

        // β = 1: rank weights 1, 1/2, 1/3 normalised by 11/6.
        Assert.Equal(6.0 / 11, p[1], 12);
        Assert.Equal(3.0 / 11, p[2], 12);
        Assert.Equal(2.0 / 11, p[0], 12);
        // Sampling walks the buffer in order: level 0 takes [0, 2/11), level 1 the next 6/11.
        Assert.Equal(0, buffer.Sample(0.1, clock: 5));
        Assert.Equal(1, buffer.Sample(0.5, clock: 5));
        Assert.Equal(2, buffer.Sample(0.99, clock: 5));
    }

    [Fact]
    public void Equal_regrets_rank_in_buffer_order()
    {
        var buffer = new PlrBuffer(Settings(temperature: 1));
        buffer.Offer(1, score: 2, optimal: 10, clock: 0);
        buffer.Offer(2, score: 5, optimal: 10, clock: 0);
        buffer.Offer(3, score: 2, optimal: 10, clock: 0);
        buffer.Offer(4, score: 2, optimal: 10, clock: 0);

        var p = buffer.Probabilities(clock: 1);

        // Ranks: level 2 first, then levels 1, 3, 4 in the order they entered: weights 1, 1/2, 1/3, 1/4.
        var total = 1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0;
        Assert.Equal([0.5 / total, 1 / total, 1 / 3.0 / total, 0.25 / total], p.Select(x => Math.Round(x, 12)), new Comparer12());
    }

    private sealed class Comparer12 : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }

    [Fact]
    public void A_lower_temperature_is_greedier_for_high_regret()
    {
        double Top(double temperature)
        {
            var buffer = new PlrBuffer(Settings(temperature: temperature));
            buffer.Offer(1, 5, 10, 0);
            buffer.Offer(2, 1, 10, 0);
            return buffer.Probabilities(1)[0];
        }
        Assert.True(Top(0.1) > Top(0.3));
        Assert.True(Top(0.3) > Top(1));
        Assert.True(Top(100) < 0.51);
    }

    [Fact]
    public void Staleness_favours_the_level_played_longest_ago()
    {
        var buffer = new PlrBuffer(Settings(staleness: 1));
        buffer.Offer(1, score: 9, optimal: 10, clock: 0);
        buffer.Offer(2, score: 0, optimal: 10, clock: 0);
        buffer.Played(0, clock: 30);

        var p = buffer.Probabilities(clock: 40);

        // Episodes since last played: 10 and 40.
        Assert.Equal(0.2, p[0], 12);
        Assert.Equal(0.8, p[1], 12);
    }

    [Fact]
    public void Staleness_and_score_mix_by_the_staleness_coefficient()
    {
        var buffer = new PlrBuffer(Settings(temperature: 1, staleness: 0.5));
        buffer.Offer(1, score: 9, optimal: 10, clock: 0);
        buffer.Offer(2, score: 0, optimal: 10, clock: 10);

        var p = buffer.Probabilities(clock: 20);

        // Score: 2/3, 1/3; staleness: 20/30, 10/30.
        Assert.Equal(0.5 * 2 / 3 + 0.5 * 2 / 3, p[0], 12);
        Assert.Equal(0.5 / 3 + 0.5 / 3, p[1], 12);
        Assert.Equal(1, p.Sum(), 12);
    }

    [Fact]
    public void A_full_buffer_replaces_its_lowest_regret_level_only_with_a_higher_one()
    {
        var buffer = new PlrBuffer(Settings(capacity: 2));
        Assert.True(buffer.Offer(1, 3, 10, 0));
        Assert.True(buffer.Offer(2, 1, 10, 0));
        Assert.True(buffer.IsFull);

        Assert.False(buffer.Offer(3, 1, 10, 1));
        Assert.True(buffer.Offer(4, 2, 10, 1));

        Assert.Equal([1L, 4L], buffer.Entries.Select(e => e.Key));
        Assert.Equal(-1, buffer.IndexOf(2));
        Assert.Equal(2.5, buffer.MeanScore, 12);
    }

    /// <summary>Levels whose optimal return is their serial's first digit: level 0 (optimal 9) is the one the agent fails.</summary>
    private static RegretCurriculum Curriculum(PlrSettings settings, long seed, out FixedLevels levels)
    {
        levels = new FixedLevels(8);
        var source = levels;
        return new RegretCurriculum(source, settings, level => source.IndexOf(level) == 0 ? 9 : 1, discount: 1, slots: 1, seed);
    }

    /// <summary>Plays <paramref name="episodes"/> one-step episodes; the agent earns 1 on every level, so only level 0 has regret (8).</summary>
    private static List<int> Play(RegretCurriculum curriculum, FixedLevels levels, int episodes)
    {
        var played = new List<int>();
        for (var serial = 0L; serial < episodes; serial++)
        {
            var level = curriculum.LevelFor(serial, 0);
            played.Add(levels.IndexOf(level));
            curriculum.Rewarded(0, 0, 1);
            curriculum.EpisodeEnded(0);
        }
        return played;
    }

    [Fact]
    public void A_level_with_high_regret_is_replayed_more_than_the_others()
    {
        var curriculum = Curriculum(Settings(capacity: 4, replay: 0.5, temperature: 0.3, staleness: 0.1), seed: 3, out var levels);

        var played = Play(curriculum, levels, 4000);

        var summary = curriculum.Summary();
        var share = played.Count(i => i == 0) / (double)played.Count;
        // Fresh draws give level 0 one time in 8 (0.125); replays prefer it by far.
        Assert.True(share > 0.35, $"level 0 played {share:P1} of episodes");
        Assert.InRange(summary.ReplayFraction, 0.45, 0.55);
        Assert.Equal(4000, summary.Episodes);
        // A finite set is named by its levels, so each is planned once however often it is drawn.
        Assert.Equal(8, summary.LevelsPlanned);
        Assert.Equal(4, summary.BufferLevels);
        Assert.Equal(8, curriculum.Buffer.Entries.Max(e => e.Score), 12); // level 0's regret: 9 - 1
    }

    [Fact]
    public void The_same_seed_plays_the_same_levels_and_another_seed_others()
    {
        var a = Play(Curriculum(Settings(), seed: 5, out var levelsA), levelsA, 500);
        var b = Play(Curriculum(Settings(), seed: 5, out var levelsB), levelsB, 500);
        var c = Play(Curriculum(Settings(), seed: 6, out var levelsC), levelsC, 500);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Replay_zero_plays_exactly_the_fresh_levels_of_domain_randomisation()
    {
        var levels = new FixedLevels(8);
        var curriculum = Curriculum(Settings(replay: 0), seed: 5, out var curriculumLevels);

        var played = Play(curriculum, curriculumLevels, 300);

        Assert.Equal(Enumerable.Range(0, 300).Select(s => levels.IndexOf(levels.LevelFor(s, 0))), played);
        Assert.Equal(0, curriculum.Summary().ReplayFraction);
    }

    [Fact]
    public void A_robust_curriculum_trains_on_replayed_levels_only()
    {
        var robust = Curriculum(Settings(capacity: 2, replay: 0.5) with { Robust = true }, seed: 4, out var levels);
        var plain = Curriculum(Settings(capacity: 2, replay: 0.5), seed: 4, out _);
        var trainedOn = new List<bool>();
        var replayedBefore = 0L;
        for (var serial = 0L; serial < 200; serial++)
        {
            robust.LevelFor(serial, 0);
            plain.LevelFor(serial, 0);
            var replayed = robust.Summary().Replayed > replayedBefore;
            replayedBefore = robust.Summary().Replayed;
            Assert.Equal(replayed, robust.TrainsOn(0));
            Assert.True(plain.TrainsOn(0));
            trainedOn.Add(robust.TrainsOn(0));
            robust.EpisodeEnded(0);
            plain.EpisodeEnded(0);
        }
        // Nothing is learnt while the buffer fills; then about half the episodes replay.
        Assert.False(trainedOn[0] || trainedOn[1]);
        Assert.InRange(trainedOn.Count(t => t), 70, 130);
    }

    [Fact]
    public void Regret_is_the_planner_s_optimal_discounted_return_minus_the_agent_s()
    {
        var environment = Worlds.CheeseMaze();
        var generator = new LevelGenerator(environment);
        var fresh = new FreshLevelSource(generator, 1, LevelSeeds.TrainingSalt, 1);
        var planner = new Planning.EnvironmentPlanner(environment, generator.Items, discount: 0.9);
        var curriculum = (RegretCurriculum)new PlrCurriculum().Create(
            new ComponentArguments(Plr(4, 0.5), BuiltinComponents.Plr),
            new CurriculumContext(fresh, planner, Worlds.EatCheese, 1, 1));

        var level = curriculum.LevelFor(0, 0).Clone();
        curriculum.Rewarded(0, 0, -0.01);
        curriculum.Rewarded(0, 1, 10); // 10 earned at the second step: discounted 9
        curriculum.EpisodeEnded(0);

        var optimal = planner.OptimalReturn(level, Worlds.EatCheese, Worlds.EatCheese);
        var entry = Assert.Single(curriculum.Buffer.Entries);
        Assert.Equal(optimal, entry.Optimal, 12);
        Assert.Equal(Math.Max(0, optimal - (-0.01 + 0.9 * 10)), entry.Score, 9);
    }

    [Fact]
    public void A_training_distribution_with_a_curriculum_trains_through_it_and_replays_at_its_rate()
    {
        var distribution = new TrainingDistribution([new MixtureComponent(Worlds.CheeseMaze(), 0.9), new MixtureComponent(Worlds.CheeseAnywhere(), 0.1)])
        {
            Curriculum = new CurriculumModel(Plr(16, 0.5), 0.99),
        };
        var environment = GridVectorEnvironment.ForTraining(distribution, Worlds.EatCheese, count: 8, seed: 2);
        var curriculum = Assert.IsType<RegretCurriculum>(environment.LevelSource);
        var random = new Random(0);
        var actions = new int[8];
        var (rewards, dones, truncated) = (new float[8], new bool[8], new bool[8]);
        for (var t = 0; t < 3000; t++)
        {
            for (var e = 0; e < 8; e++)
            {
                actions[e] = random.Next(4);
            }
            environment.Step(actions, rewards, dones, truncated);
        }

        var summary = curriculum.Summary();
        Assert.Equal(16, summary.BufferLevels);
        Assert.True(summary.Episodes > 100, $"{summary.Episodes} episodes");
        Assert.InRange(summary.ReplayFraction, 0.3, 0.55);
        Assert.Equal(summary.Episodes - summary.Replayed, summary.LevelsPlanned);
        // The buffer keeps the highest regrets it was offered, so its mean is at least the mean of fresh levels.
        Assert.True(summary.BufferMeanRegret >= summary.FreshMeanRegret);
    }

    private static ComponentModel Plr(int buffer, double replay) => new("plr", new Dictionary<string, Value>
    {
        ["buffer"] = new((long)buffer),
        ["replay"] = new(replay),
        ["temperature"] = new(0.3),
        ["staleness"] = new(0.3),
    })
    {
        Descriptor = BuiltinComponents.Plr,
    };

    /// <summary>A finite set of <paramref name="count"/> levels drawn in turn by serial (a stable source).</summary>
    private sealed class FixedLevels(int count) : ILevelSource
    {
        private readonly Level[] levels = [.. Enumerable.Range(0, count).Select(i => new LevelGenerator(Worlds.CheeseMaze()).Generate(0, i, LevelSeeds.TrainingSalt))];

        public bool RefillsLevels => false;

        public Level LevelFor(long serial, int slot) => levels[(int)(serial * 5 % count)];

        public int IndexOf(Level level) => Array.IndexOf(levels, level);
    }
}
