using MesaSpec.Runtime.Training;

namespace MesaSpec.Runtime.Tests;

public sealed class LearningTests
{
    // Budgets measured on the 5x5 goal grid: both reach ~100% success well before these step counts (a second or two).
    [Theory]
    [InlineData("ppo", 30_000, 32)]
    [InlineData("a2c", 60_000, 5)]
    [InlineData("ppo", 30_000, 32, "lstm")]
    public void Trained_policy_reaches_the_goal_far_more_often_than_random(string algorithm, int steps, int rollout, string model = "mlp")
    {
        var spec = TrainingFixture.Spec(
            model == "mlp" ? TrainingFixture.Component("mlp", ("hidden", new[] { 64, 64 })) : TrainingFixture.Component(model, ("hidden", new[] { 64 }), ("size", 64)),
            TrainingFixture.Component(algorithm, ("steps", steps), ("lr", 0.002), ("envs", 16), ("rollout", rollout)));

        using var policy = new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 1, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);

        var random = new Random(7);
        var randomReturn = TrainingFixture.MeanReturn(new GoalGrid(16, seed: 99), (_, actions) =>
        {
            for (var e = 0; e < actions.Length; e++)
            {
                actions[e] = random.Next(4);
            }
        }, steps: 400);
        var trainedReturn = TrainingFixture.MeanReturn(new GoalGrid(16, seed: 99), (env, actions) => policy.Act(env, actions), steps: 400);

        Assert.True(trainedReturn > 0.9, $"{algorithm} {model}: trained mean return {trainedReturn:F3}, random {randomReturn:F3}");
        Assert.True(trainedReturn > randomReturn + 0.3, $"{algorithm} {model}: trained mean return {trainedReturn:F3}, random {randomReturn:F3}");
        Assert.NotEmpty(policy.LearningCurve);
    }
}
