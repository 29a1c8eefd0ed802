using MesaSpec.Experiments.Training;
using MesaSpec.Runtime.Models;
using MesaSpec.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Tests;

/// <summary>A minibatch's gradient split across threads is the whole minibatch's gradient, and a run stays reproducible.</summary>
public sealed class ShardedGradientTests
{
    private static readonly OnPolicySettings Ppo = new("ppo", PolicyObjective.ClippedSurrogate, 1000, 8, 32, 4, 2,
        3e-4, 0.99, 0.95, 0.2, 0.01, 0.5, 0.5, NormaliseAdvantages: true);

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(2, true)]
    public void The_shards_gradients_add_up_to_the_minibatch_gradient(int shardCount, bool someStepsWithheld)
    {
        const int rows = 300; // not a multiple of the shard count: the shards differ in size
        using var scope = NewDisposeScope();
        var generator = new torch.Generator(11);
        var observations = rand([rows, 3, 5, 5], generator: generator).gt(0.7).to(float32);
        var actions = randint(0, 5, [rows], generator: generator);
        var oldLogProbabilities = rand([rows], generator: generator).log();
        var advantages = randn([rows], generator: generator);
        var returns = randn([rows], generator: generator);
        var weights = someStepsWithheld ? rand([rows], generator: generator).gt(0.3).to(float32) : null;
        var trained = weights is null ? rows : (long)weights.sum().item<float>();
        using var scalars = new LossScalars(Ppo);
        var prepared = OnPolicyLoss.PreparedAdvantages(Ppo, scalars, advantages, weights, trained);
        Tensor Loss(ActorCritic net, int start, int length)
        {
            var (logits, values) = net.forward(observations.narrow(0, start, length));
            return OnPolicyLoss.Compute(Ppo, scalars, logits, values, actions.narrow(0, start, length), oldLogProbabilities.narrow(0, start, length),
                prepared.narrow(0, start, length), returns.narrow(0, start, length), weights?.narrow(0, start, length), trained);
        }

        using var whole = Model(seed: 3);
        var wholeLoss = Loss(whole, 0, rows);
        wholeLoss.backward();

        using var model = Model(seed: 3);
        using var shards = ShardedGradients.Create(model, shardCount, () => Model(seed: 99)); // the copies' own weights are overwritten
        var shardedLoss = shards.Backward(rows, Loss);

        Assert.Equal(wholeLoss.item<float>(), shardedLoss, 4);
        foreach (var (expected, actual) in whole.parameters().Zip(model.parameters()))
        {
            var scale = expected.grad!.abs().max().item<float>();
            Assert.True(scale > 0);
            Assert.True(expected.grad.sub(actual.grad!).abs().max().item<float>() <= 1e-5f * scale,
                $"gradient differs by {expected.grad.sub(actual.grad!).abs().max().item<float>()} (scale {scale})");
        }
    }

    [Fact]
    public void Shards_run_at_once_or_one_after_the_other_give_the_same_bits()
    {
        const int rows = 256;
        TorchGlobalState.UseThreads(1); // as training sets it for shards: LibTorch's own threads would split the work differently
        using var scope = NewDisposeScope();
        var generator = new torch.Generator(5);
        var observations = rand([rows, 3, 5, 5], generator: generator).gt(0.7).to(float32);
        var targets = randn([rows], generator: generator);
        Tensor Loss(ActorCritic net, int start, int length)
        {
            var (logits, values) = net.forward(observations.narrow(0, start, length));
            return values.sub(targets.narrow(0, start, length)).pow(2).sum() + logits.pow(2).sum();
        }
        Tensor[] Gradients(bool parallel)
        {
            var model = Model(seed: 3);
            using var shards = ShardedGradients.Create(model, 2, () => Model(seed: 4), new ShardSchedule(alwaysParallel: parallel));
            for (var round = 0; round < 3; round++) // the copies' gradients are zeroed between minibatches
            {
                foreach (var parameter in model.parameters())
                {
                    parameter.grad?.zero_();
                }
                shards.Backward(rows, Loss);
            }
            return model.parameters().Select(p => p.grad!.clone().DetachFromDisposeScope()).ToArray();
        }

        var atOnce = Gradients(parallel: true);
        var oneAfterTheOther = Gradients(parallel: false);
        Assert.All(atOnce.Zip(oneAfterTheOther), pair => Assert.True(pair.First.equal(pair.Second).all().item<bool>()));
    }

    [Fact]
    public void The_schedule_takes_the_faster_way_and_keeps_trying_the_other()
    {
        var schedule = new ShardSchedule();
        Assert.True(schedule.NextIsParallel()); // nothing measured: at once first
        schedule.Record(parallel: true, 10);
        Assert.False(schedule.NextIsParallel()); // then one after the other
        schedule.Record(parallel: false, 4);
        var parallelRuns = 0;
        for (var i = 0; i < 10 * ShardSchedule.ExploreEvery; i++)
        {
            var parallel = schedule.NextIsParallel();
            parallelRuns += parallel ? 1 : 0;
            schedule.Record(parallel, parallel ? 10 : 4);
        }
        Assert.InRange(parallelRuns, 9, 11); // one in ExploreEvery
        for (var i = 0; i < 4 * ShardSchedule.ExploreEvery; i++) // the load lifts: at once becomes faster
        {
            var parallel = schedule.NextIsParallel();
            schedule.Record(parallel, parallel ? 2 : 4);
        }
        Assert.True(schedule.NextIsParallel());
    }

    [Fact]
    public void A_recurrent_model_or_a_small_minibatch_is_not_split()
    {
        using var model = Model(seed: 1);
        Assert.Equal(2, ShardedGradients.ShardsFor(model, threads: 2, minibatchRows: 256));
        Assert.Equal(1, ShardedGradients.ShardsFor(model, threads: 2, minibatchRows: ShardedGradients.MinimumRowsPerShard + 1));
        Assert.Equal(1, ShardedGradients.ShardsFor(model, threads: 1, minibatchRows: 4096));
        using var recurrent = TorchGlobalStateSeeded(() => ActorCriticFactory.Create(
            TrainingFixture.Component("lstm", ("hidden", new[] { 16 }), ("size", 16)), new Gridworld.ObservationShape(3, 5, 5), 5));
        Assert.Equal(1, ShardedGradients.ShardsFor(recurrent, threads: 2, minibatchRows: 4096));
    }

    [Fact]
    public void Two_threads_train_the_same_weights_from_the_same_seed()
    {
        var spec = TrainingFixture.Spec(
            TrainingFixture.Component("mlp", ("hidden", new[] { 32 })),
            TrainingFixture.Component("ppo", ("steps", 4096), ("envs", 16), ("rollout", 32), ("minibatches", 2)));
        var twoThreads = new TrainingSettings(Threads: 2, Device: "cpu", CheckpointDirectory: null);
        using var first = (ActorCriticPolicy)new TorchTrainer().Train(spec, TrainingFixture.ReachGoal, 5, TrainingFixture.GoalGrids(), twoThreads, null, CancellationToken.None);
        using var second = (ActorCriticPolicy)new TorchTrainer().Train(spec, TrainingFixture.ReachGoal, 5, TrainingFixture.GoalGrids(), twoThreads, null, CancellationToken.None);
        using var oneThread = (ActorCriticPolicy)new TorchTrainer().Train(spec, TrainingFixture.ReachGoal, 5, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);

        Assert.Equal(first.LearningCurve, second.LearningCurve);
        var a = first.Model.state_dict();
        var b = second.Model.state_dict();
        Assert.All(a.Keys, key => Assert.True(a[key].equal(b[key]).all().item<bool>(), key));
        // Sharding changes only the rounding: the weights stay close to the one-thread run's after 8 updates.
        var c = oneThread.Model.state_dict();
        Assert.All(a.Keys, key => Assert.True(a[key].sub(c[key]).abs().max().item<float>() < 1e-2f, key));
    }

    private static ActorCritic Model(int seed) => TorchGlobalStateSeeded(() =>
        ActorCriticFactory.Create(TrainingFixture.Component("mlp", ("hidden", new[] { 32, 32 })), new Gridworld.ObservationShape(3, 5, 5), 5), seed);

    private static ActorCritic TorchGlobalStateSeeded(Func<ActorCritic> create, int seed = 1) => TorchGlobalState.Seeded(seed, create);
}
