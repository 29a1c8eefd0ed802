using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Training;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Tests;

/// <summary>Issue 17, scores over training: the trainer hands out the model at regular steps, and looking changes nothing it trains.</summary>
public sealed class SnapshotTests
{
    private static ComponentModel Ppo(int steps) => TrainingFixture.Component("ppo", ("steps", steps), ("envs", 4), ("rollout", 32));

    private static readonly ComponentModel Mlp = TrainingFixture.Component("mlp", ("hidden", new[] { 16 }));

    [Fact]
    public void Snapshots_come_at_the_start_every_period_across_phases_and_at_the_end_and_change_no_weight()
    {
        // 128 steps per update; phases of 512 and 384 steps: updates end at 128, 256, ..., 896.
        var second = TrainingFixture.Environment with { Name = "Second", DisplayName = "Second" };
        var spec = new TrainedPolicy(Mlp, [
            new TrainingPhase(TrainingDistribution.Of(TrainingFixture.Environment), null, Ppo(512)),
            new TrainingPhase(TrainingDistribution.Of(second), null, Ppo(384)),
        ]);
        var steps = new List<long>();
        var returns = new List<double>();
        var settings = TrainingFixture.OneThread with
        {
            Snapshots = new TrainingSnapshots(300, (step, policy) =>
            {
                steps.Add(step);
                returns.Add(TrainingFixture.MeanReturn(new GoalGrid(8, seed: 11), (env, actions) => policy.Act(env, actions), steps: 60));
            }),
        };
        using var watched = (ActorCriticPolicy)new TorchTrainer().Train(spec, TrainingFixture.ReachGoal, seed: 3, TrainingFixture.GoalGrids(), settings, null, CancellationToken.None);
        using var alone = (ActorCriticPolicy)new TorchTrainer().Train(spec, TrainingFixture.ReachGoal, seed: 3, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);

        // Step 0, then the first update at or past 300, 600, and the end (896 is past no further multiple).
        Assert.Equal([0L, 384, 640, 896], steps);
        Assert.Equal(steps.Count, returns.Count);
        using (NewDisposeScope())
        using (no_grad())
        {
            var input = rand(5, 2, 5, 5);
            Assert.True(watched.Model.forward(input).Item1.equal(alone.Model.forward(input).Item1).all().item<bool>());
        }
        Assert.Equal(alone.LearningCurve, watched.LearningCurve);
    }
}
