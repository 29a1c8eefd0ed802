using MesaSpec.Experiments.Training;
using MesaSpec.Runtime.Training;

namespace MesaSpec.Runtime.Tests;

public sealed class FailureTests
{
    private static readonly Language.Model.ComponentModel SmallMlp = TrainingFixture.Component("mlp", ("hidden", new[] { 16 }));

    [Fact]
    public void A_NaN_loss_stops_training_naming_the_step_and_seed()
    {
        var spec = TrainingFixture.Spec(SmallMlp, TrainingFixture.Component("ppo", ("steps", 20_000), ("envs", 8), ("rollout", 32)));

        var error = Assert.Throws<TrainingFailedException>(() => new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 3, TrainingFixture.GoalGrids(goalReward: float.NaN), TrainingFixture.OneThread, null, CancellationToken.None));

        Assert.StartsWith(RuntimeErrors.Diverged, error.Message);
        Assert.Matches(@"at step \d+ \(seed 3\)", error.Message);
    }

    [Fact]
    public void Cancellation_is_honoured_between_updates()
    {
        var spec = TrainingFixture.Spec(SmallMlp, TrainingFixture.Component("a2c", ("steps", 1_000_000)));
        using var cancellation = new CancellationTokenSource();
        var updates = 0;
        var progress = new SynchronousProgress<TrainingProgress>(_ =>
        {
            if (++updates == 3)
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 1, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, progress, cancellation.Token));
        Assert.Equal(3, updates);
    }

    [Theory]
    [InlineData("transformer", "ppo", RuntimeErrors.UnknownComponent)]
    [InlineData("mlp", "sac", RuntimeErrors.UnknownComponent)]
    public void Unknown_components_are_reported_with_a_code(string model, string algorithm, string code)
    {
        var spec = TrainingFixture.Spec(TrainingFixture.Component(model), TrainingFixture.Component(algorithm));

        var error = Assert.Throws<TrainingFailedException>(() => new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 1, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None));

        Assert.StartsWith(code, error.Message);
    }

    [Fact]
    public void An_unavailable_device_is_reported_with_a_code()
    {
        var spec = TrainingFixture.Spec(SmallMlp, TrainingFixture.Component("ppo"));

        var error = Assert.Throws<TrainingFailedException>(() => new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 1, TrainingFixture.GoalGrids(), new TrainingSettings(1, "tpu", null), null, CancellationToken.None));

        Assert.StartsWith(RuntimeErrors.DeviceUnavailable, error.Message);
    }

    [Fact]
    public void The_policy_refuses_an_environment_of_another_shape()
    {
        var spec = TrainingFixture.Spec(SmallMlp, TrainingFixture.Component("a2c", ("steps", 80)));
        using var policy = new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 1, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);
        var bigger = new GoalGrid(4, seed: 1, size: 6);

        var error = Assert.Throws<ArgumentException>(() => policy.Act(bigger, new int[4]));

        Assert.Contains("2x5x5", error.Message);
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
