using MesaSpec.Experiments.Training;
using MesaSpec.Runtime.Models;
using MesaSpec.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Tests;

public sealed class CheckpointTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "mesaspec-checkpoints-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_saved_checkpoint_loads_into_a_fresh_model_with_the_same_outputs()
    {
        var mlp = TrainingFixture.Component("mlp", ("hidden", new[] { 16, 16 }));
        var spec = TrainingFixture.Spec(mlp, TrainingFixture.Component("ppo", ("steps", 512), ("envs", 4), ("rollout", 32)));
        using var policy = (ActorCriticPolicy)new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 2, TrainingFixture.GoalGrids(), TrainingFixture.OneThread with { CheckpointDirectory = directory }, null, CancellationToken.None);

        Assert.NotNull(policy.CheckpointPath);
        Assert.True(File.Exists(policy.CheckpointPath));
        Assert.StartsWith(directory, policy.CheckpointPath);

        using var restored = ActorCriticFactory.Create(mlp, new Gridworld.ObservationShape(2, 5, 5), 4);
        restored.load(policy.CheckpointPath);
        restored.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = rand(3, 2, 5, 5);
        var (expectedLogits, expectedValues) = policy.Model.forward(input);
        var (logits, values) = restored.forward(input);
        Assert.True(logits.equal(expectedLogits).all().item<bool>());
        Assert.True(values.equal(expectedValues).all().item<bool>());
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
