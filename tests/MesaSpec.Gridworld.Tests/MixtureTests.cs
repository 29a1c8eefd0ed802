using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

/// <summary>Issue 14: a training mixture draws each level from one environment, at exactly the share asked for.</summary>
public sealed class MixtureTests
{
    private static MixtureLevelSource Source(params double[] shares) =>
        new([.. shares.Select(_ => (ILevelSource)new FreshLevelSource(new LevelGenerator(Worlds.CheeseMaze()), 1, LevelSeeds.TrainingSalt, 1))], shares, seed: 7);

    private static int[] Draws(MixtureLevelSource source, int episodes)
    {
        var counts = new int[2];
        for (var serial = 0L; serial < episodes; serial++)
        {
            counts[source.ComponentFor(serial)]++;
        }
        return counts;
    }

    [Fact]
    public void A_share_of_one_in_a_hundred_thousand_is_drawn_at_that_rate()
    {
        // 2,000,000 episodes at 1e-5: 20 expected, standard deviation 4.5. A rounding draw (a whole number of
        // levels per batch, or a share below one level per batch dropped) would give 0.
        var counts = Draws(Source(1 - 1e-5, 1e-5), 2_000_000);
        Assert.InRange(counts[1], 20 - 14, 20 + 14);
        Assert.Equal(2_000_000, counts[0] + counts[1]);
    }

    [Fact]
    public void Shares_are_drawn_at_their_rate()
    {
        var counts = Draws(Source(0.7, 0.3), 200_000);
        // 60,000 expected, standard deviation 205.
        Assert.InRange(counts[1], 60_000 - 1_000, 60_000 + 1_000);
    }

    [Fact]
    public void A_zero_share_is_never_drawn_and_weights_are_normalised()
    {
        Assert.Equal(0, Draws(Source(1, 0), 100_000)[1]);
        Assert.Equal(0, Draws(Source(0, 5), 100_000)[0]);
    }

    [Fact]
    public void The_draw_depends_only_on_the_seed_and_the_episode()
    {
        var a = Source(0.5, 0.5);
        var b = Source(0.5, 0.5);
        Assert.Equal(Enumerable.Range(0, 1000).Select(s => a.ComponentFor(s)), Enumerable.Range(1000, 1000).Select(s => b.ComponentFor(s - 1000)));
    }

    [Fact]
    public void Each_training_level_comes_from_the_environment_its_episode_drew()
    {
        var corner = Worlds.CheeseMaze();
        var anywhere = Worlds.CheeseAnywhere();
        var distribution = new TrainingDistribution([new MixtureComponent(corner, 0.5), new MixtureComponent(anywhere, 0.5)]);
        const int count = 64;
        var environment = GridVectorEnvironment.ForTraining(distribution, Worlds.EatCheese, count, seed: 3);
        var expected = new MixtureLevelSource([new FreshLevelSource(new LevelGenerator(corner), 3, LevelSeeds.TrainingSalt, 1),
            new FreshLevelSource(new LevelGenerator(anywhere), 3, LevelSeeds.TrainingSalt, 1)], [0.5, 0.5], 3);
        var topRight = 8; // cell (8, 0) of the 9 x 9 grid
        var drawn = new int[2];
        for (var slot = 0; slot < count; slot++)
        {
            var component = expected.ComponentFor(environment.Serial(slot));
            drawn[component]++;
            var cheese = environment.LevelOf(slot).ItemCells[0];
            Assert.Equal(component == 0, cheese == topRight);
        }
        Assert.All(drawn, d => Assert.True(d > 0));
    }
}
