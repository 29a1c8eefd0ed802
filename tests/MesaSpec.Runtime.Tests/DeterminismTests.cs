using MesaSpec.Experiments.Training;
using MesaSpec.Runtime.Training;
using TorchSharp;

namespace MesaSpec.Runtime.Tests;

public sealed class DeterminismTests
{
    [Theory]
    [InlineData("mlp", "ppo")]
    [InlineData("cnn", "a2c")]
    public void Same_seed_and_threads_give_the_same_learning_curve_and_weights(string model, string algorithm)
    {
        using var first = Train(model, algorithm, seed: 5);
        using var second = Train(model, algorithm, seed: 5);

        Assert.Equal(first.LearningCurve, second.LearningCurve);
        Assert.NotEmpty(first.LearningCurve);
        AssertSameWeights(first, second, expectSame: true);
    }

    [Fact]
    public void Different_seeds_give_different_weights()
    {
        using var first = Train("mlp", "ppo", seed: 5);
        using var second = Train("mlp", "ppo", seed: 6);

        AssertSameWeights(first, second, expectSame: false);
    }

    private static ActorCriticPolicy Train(string model, string algorithm, int seed)
    {
        var spec = TrainingFixture.Spec(
            TrainingFixture.Component(model, model == "mlp" ? ("hidden", new[] { 32 }) : ("channels", new[] { 8 })),
            TrainingFixture.Component(algorithm, ("steps", 2048), ("envs", 8), ("rollout", 32)));
        return (ActorCriticPolicy)new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);
    }

    private static void AssertSameWeights(ActorCriticPolicy first, ActorCriticPolicy second, bool expectSame)
    {
        var a = first.Model.state_dict();
        var b = second.Model.state_dict();
        Assert.Equal(a.Keys, b.Keys);
        var identical = a.Keys.All(key => a[key].equal(b[key]).all().item<bool>());
        Assert.Equal(expectSame, identical);
    }
}
