using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Models;
using MesaSpec.Runtime.Training;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Tests;

/// <summary>Issue 14: training in phases fine-tunes one model, each phase on its own distribution and objective, keeping every phase's weights.</summary>
public sealed class PhaseTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "mesaspec-phases-" + Guid.NewGuid().ToString("N"));

    private static readonly ComponentModel Mlp = TrainingFixture.Component("mlp", ("hidden", new[] { 16 }));

    private static ComponentModel Ppo(int steps) => TrainingFixture.Component("ppo", ("steps", steps), ("envs", 4), ("rollout", 32));

    private static readonly ObjectiveModel Proxy = new("Proxy", [], []);

    [Fact]
    public void Each_phase_trains_on_its_distribution_and_objective_and_keeps_its_checkpoint()
    {
        var second = TrainingFixture.Environment with { Name = "Second", DisplayName = "Second" };
        var spec = new TrainedPolicy(Mlp, [
            new TrainingPhase(TrainingDistribution.Of(TrainingFixture.Environment), Proxy, Ppo(256)),
            new TrainingPhase(TrainingDistribution.Of(second), null, Ppo(384)),
        ]);
        var asked = new List<(string Environment, string Objective)>();
        EnvironmentFactory factory = (distribution, objective, count, seed) =>
        {
            asked.Add((distribution.Representative.Name, objective.Name));
            return new GoalGrid(count, seed);
        };
        using var policy = (ActorCriticPolicy)new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 1, factory, TrainingFixture.OneThread with { CheckpointDirectory = directory }, null, CancellationToken.None);

        // The first phase rewards its own objective, the second (no objective named) the base objective.
        Assert.Equal([("GoalGrid", "Proxy"), ("Second", "ReachGoal")], asked);
        Assert.Equal(2, policy.PhaseCheckpoints.Count);
        Assert.All(policy.PhaseCheckpoints, path => Assert.True(File.Exists(path)));
        Assert.Contains("-phase1-", policy.PhaseCheckpoints[0]!, StringComparison.Ordinal);
        Assert.Equal(policy.CheckpointPath, policy.PhaseCheckpoints[1]);
        // The learning curve runs on across phases.
        Assert.True(policy.LearningCurve.Select(c => c.Step).SequenceEqual(policy.LearningCurve.Select(c => c.Step).Order()));
        Assert.Equal(256 + 384, policy.LearningCurve[^1].Step);
        Assert.Equal(256 + 384, policy.StepsTrained);

        // The first phase is what training on its own would have given (same seed), and the second moved the weights on.
        using var alone = (ActorCriticPolicy)new TorchTrainer().Train(
            new TrainedPolicy(Mlp, [spec.Phases[0]]), TrainingFixture.ReachGoal, seed: 1, factory, TrainingFixture.OneThread, null, CancellationToken.None);
        using var phaseOne = ActorCriticFactory.Create(Mlp, new Gridworld.ObservationShape(2, 5, 5), 4);
        phaseOne.load(policy.PhaseCheckpoints[0]!);
        phaseOne.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = rand(3, 2, 5, 5);
        Assert.True(phaseOne.forward(input).Item1.equal(alone.Model.forward(input).Item1).all().item<bool>());
        Assert.False(phaseOne.forward(input).Item1.equal(policy.Model.forward(input).Item1).all().item<bool>());
    }

    [Fact]
    public void A_run_resumes_from_recorded_weights_and_a_foreign_checkpoint_fails_with_the_reason()
    {
        var spec = new TrainedPolicy(Mlp, [new TrainingPhase(TrainingDistribution.Of(TrainingFixture.Environment), null, Ppo(128))]);
        using var first = (ActorCriticPolicy)new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 4, TrainingFixture.GoalGrids(), TrainingFixture.OneThread with { CheckpointDirectory = directory }, null, CancellationToken.None);
        using var fresh = (ActorCriticPolicy)new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 5, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);
        using var resumed = (ActorCriticPolicy)new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 5, TrainingFixture.GoalGrids(), TrainingFixture.OneThread with { InitialCheckpoint = first.CheckpointPath }, null, CancellationToken.None);
        using (NewDisposeScope())
        using (no_grad())
        {
            var input = rand(3, 2, 5, 5);
            Assert.False(resumed.Model.forward(input).Item1.equal(fresh.Model.forward(input).Item1).all().item<bool>());
        }

        var missing = Assert.Throws<TrainingFailedException>(() => new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 5, TrainingFixture.GoalGrids(), TrainingFixture.OneThread with { InitialCheckpoint = Path.Combine(directory, "none.dat") }, null, CancellationToken.None));
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        var wider = spec with { Model = TrainingFixture.Component("mlp", ("hidden", new[] { 32 })) };
        var foreign = Assert.Throws<TrainingFailedException>(() => new TorchTrainer().Train(
            wider, TrainingFixture.ReachGoal, seed: 5, TrainingFixture.GoalGrids(), TrainingFixture.OneThread with { InitialCheckpoint = first.CheckpointPath }, null, CancellationToken.None));
        Assert.Contains("cannot resume seed 5", foreign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_steps_trained_are_whole_rollouts_past_each_phases_budget()
    {
        // Rollouts of 4 x 32 = 128 steps: a budget of 200 trains 256, one of 100 trains 128.
        var spec = new TrainedPolicy(Mlp, [
            new TrainingPhase(TrainingDistribution.Of(TrainingFixture.Environment), null, Ppo(200)),
            new TrainingPhase(TrainingDistribution.Of(TrainingFixture.Environment), null, Ppo(100)),
        ]);
        using var policy = new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 1, (_, _, count, seed) => new GoalGrid(count, seed), TrainingFixture.OneThread, null, CancellationToken.None);
        Assert.Equal(256 + 128, policy.StepsTrained);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
