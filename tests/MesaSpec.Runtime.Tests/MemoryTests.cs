using MesaSpec.Experiments.Training;
using MesaSpec.Runtime.Training;
using TorchSharp;

namespace MesaSpec.Runtime.Tests;

public sealed class MemoryTests
{
    [Theory]
    [InlineData("mlp", "ppo")]
    [InlineData("cnn", "a2c")]
    [InlineData("lstm", "ppo")]
    [InlineData("conv_lstm", "a2c")]
    public void The_live_tensor_count_does_not_grow_over_many_updates(string model, string algorithm)
    {
        // 200 updates of a small rollout; the count is sampled on the training thread after every update.
        var spec = TrainingFixture.Spec(
            TrainingFixture.Component(model, model is "mlp" or "lstm" ? ("hidden", new[] { 16 }) : ("channels", new[] { 4 })),
            TrainingFixture.Component(algorithm, ("steps", 200 * 4 * 8), ("envs", 4), ("rollout", 8), ("epochs", 2), ("minibatches", 2)));
        var live = new List<long>();
        var progress = new Recorder(_ => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount));

        using var policy = new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 1, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, progress, CancellationToken.None);

        Assert.Equal(200, live.Count);
        // After the first update the optimizer's state exists; from then on every update must free what it makes.
        Assert.True(live[1] > 0, "the statistics count the model's own tensors, so zero means they are not being read");
        Assert.All(live.Skip(1), count => Assert.Equal(live[1], count));
    }

    private sealed class Recorder(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
