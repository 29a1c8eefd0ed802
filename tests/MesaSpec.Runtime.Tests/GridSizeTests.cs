using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Training;

namespace MesaSpec.Runtime.Tests;

/// <summary>
/// Issue 14: a model with nothing of the grid's size in it (<c>cnn(pool: global)</c>, <c>conv_lstm</c>) trains on one
/// grid size, fine-tunes on another and acts on a third, so shifts to bigger levels are testable; a model with a
/// dense layer over every cell refuses another size with the reason, never a silently wrong reading.
/// </summary>
public sealed class GridSizeTests
{
    private static ComponentModel Ppo(int steps) =>
        TrainingFixture.Component("ppo", ("steps", steps), ("lr", 0.002), ("envs", 16), ("rollout", 32));

    private static readonly ComponentModel PooledCnn = TrainingFixture.Component("cnn", ("channels", new[] { 16, 16 }), ("hidden", 64), ("pool", "global"));

    [Fact]
    public void A_pooling_cnn_learns_on_small_grids_and_still_reaches_goals_on_bigger_ones()
    {
        using var policy = new TorchTrainer().Train(TrainingFixture.Spec(PooledCnn, Ppo(30_000)), TrainingFixture.ReachGoal, seed: 1,
            TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);

        foreach (var size in new[] { 5, 7 })
        {
            var random = new Random(7);
            var randomReturn = TrainingFixture.MeanReturn(new GoalGrid(16, seed: 99, size, horizon: 4 * size), (_, actions) =>
            {
                for (var e = 0; e < actions.Length; e++)
                {
                    actions[e] = random.Next(4);
                }
            }, steps: 600);
            var trainedReturn = TrainingFixture.MeanReturn(new GoalGrid(16, seed: 99, size, horizon: 4 * size), (env, actions) => policy.Act(env, actions), steps: 600);
            Console.WriteLine($"{size}x{size}: trained {trainedReturn:F3}, random {randomReturn:F3}");
            Assert.True(trainedReturn > randomReturn + 0.2, $"{size}x{size}: trained mean return {trainedReturn:F3}, random {randomReturn:F3}");
        }
    }

    [Theory]
    [InlineData("global")]
    [InlineData("conv_lstm")]
    public void A_pooling_model_fine_tunes_on_another_grid_size_and_acts_on_a_third(string which)
    {
        var model = which == "conv_lstm" ? TrainingFixture.Component("conv_lstm", ("channels", new[] { 8 }), ("size", 8), ("hidden", 16)) : PooledCnn;
        var second = TrainingFixture.Environment with { Name = "Bigger", DisplayName = "Bigger", Width = 7, Height = 7 };
        var spec = new TrainedPolicy(model, [
            new TrainingPhase(TrainingDistribution.Of(TrainingFixture.Environment), null, Ppo(512)),
            new TrainingPhase(TrainingDistribution.Of(second), null, Ppo(512)),
        ]);
        EnvironmentFactory factory = (distribution, _, count, seed) => new GoalGrid(count, seed, distribution.Representative.Width);
        using var policy = new TorchTrainer().Train(spec, TrainingFixture.ReachGoal, seed: 1, factory, TrainingFixture.OneThread, null, CancellationToken.None);

        var larger = new GoalGrid(4, seed: 3, size: 9);
        var actions = new int[4];
        policy.Act(larger, actions);
        Assert.All(actions, a => Assert.InRange(a, 0, 3));
    }

    [Fact]
    public void A_flattening_cnn_refuses_another_grid_size_with_the_reason()
    {
        var flatten = TrainingFixture.Component("cnn", ("channels", new[] { 8 }), ("hidden", 16));
        using var policy = new TorchTrainer().Train(TrainingFixture.Spec(flatten, Ppo(512)), TrainingFixture.ReachGoal, seed: 1,
            TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);

        var error = Assert.Throws<ArgumentException>(() => policy.Act(new GoalGrid(4, seed: 3, size: 7), new int[4]));
        Assert.Contains("2x5x5", error.Message, StringComparison.Ordinal);
        Assert.Contains("any grid size", error.Message, StringComparison.Ordinal);

        var second = TrainingFixture.Environment with { Name = "Bigger", DisplayName = "Bigger", Width = 7, Height = 7 };
        var phased = new TrainedPolicy(flatten, [
            new TrainingPhase(TrainingDistribution.Of(TrainingFixture.Environment), null, Ppo(256)),
            new TrainingPhase(TrainingDistribution.Of(second), null, Ppo(256)),
        ]);
        EnvironmentFactory factory = (distribution, _, count, seed) => new GoalGrid(count, seed, distribution.Representative.Width);
        var failed = Assert.Throws<TrainingFailedException>(() =>
            new TorchTrainer().Train(phased, TrainingFixture.ReachGoal, seed: 1, factory, TrainingFixture.OneThread, null, CancellationToken.None));
        Assert.Contains("phase 2", failed.Message, StringComparison.Ordinal);
    }
}
