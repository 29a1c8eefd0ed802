using MesaSpec.Gridworld;
using MesaSpec.Runtime.Models;
using MesaSpec.Runtime.Models.Recurrent;
using MesaSpec.Runtime.Training;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Tests;

/// <summary>
/// Models with memory: the update replays exactly what the rollout computed (same masks, same state), the memory
/// is reset where an episode starts, and evaluation carries it between steps.
/// </summary>
public sealed class RecurrentTests
{
    public static TheoryData<string> Models => ["lstm", "conv_lstm"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Unrolling_a_sequence_equals_stepping_it_with_the_same_resets(string name)
    {
        using var scope = NewDisposeScope();
        var model = Create(name);
        const int steps = 6, batch = 3;
        manual_seed(3);
        var observations = rand(steps * batch, 2, 5, 5);
        // Episode 1 starts again at step 2, episode 2 at step 4.
        var keep = ones(steps, batch);
        keep[2, 1] = tensor(0f);
        keep[4, 2] = tensor(0f);
        var initial = new RecurrentState(rand(batch, 8), rand(batch, 8));
        if (name == "conv_lstm")
        {
            initial = new RecurrentState(rand(batch, 8, 5, 5), rand(batch, 8, 5, 5));
        }

        var (unrolled, unrolledValues) = model.Unroll(observations, initial, keep);

        var state = initial;
        for (var t = 0; t < steps; t++)
        {
            var (logits, values, next) = model.Step(observations.narrow(0, t * batch, batch), state.Masked(keep[t]));
            Assert.True(logits.allclose(unrolled.narrow(0, t * batch, batch), rtol: 1e-5, atol: 1e-6), $"step {t}: logits differ");
            Assert.True(values.allclose(unrolledValues.narrow(0, t * batch, batch), rtol: 1e-5, atol: 1e-6), $"step {t}: values differ");
            state = next;
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_reset_episode_acts_from_an_empty_memory_and_a_running_one_from_its_memory(string name)
    {
        using var scope = NewDisposeScope();
        var model = Create(name);
        var observations = rand(2, 2, 5, 5);
        var (fresh, _) = model.forward(observations);
        var memory = model.InitialState(observations);
        var (_, _, after) = model.Step(observations, memory);
        // Episode 0 starts again (keep 0), episode 1 goes on (keep 1).
        var (logits, _, _) = model.Step(observations, after.Masked(tensor(new[] { 0f, 1f })));
        Assert.True(logits[0].allclose(fresh[0], rtol: 1e-5, atol: 1e-6), "a reset episode must act as from an empty memory");
        Assert.False(logits[1].allclose(fresh[1], rtol: 1e-5, atol: 1e-6), "a running episode must use its memory");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_trained_policy_carries_memory_between_steps_and_resets_it_where_an_episode_starts(string name)
    {
        var spec = TrainingFixture.Spec(Component(name), TrainingFixture.Component("ppo", ("steps", 256), ("envs", 4), ("rollout", 16), ("minibatches", 2)));
        using var policy = (ActorCriticPolicy)new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 1, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);
        var model = (RecurrentActorCritic)policy.Model;
        // Horizon 3: every episode ends after three steps, so resets come at known steps.
        var environment = new GoalGrid(4, seed: 5, horizon: 3);
        var actions = new int[4];
        var rewards = new float[4];
        var dones = new bool[4];
        var truncated = new bool[4];
        using var scope = NewDisposeScope();
        RecurrentState? expected = null;
        for (var t = 0; t < 7; t++)
        {
            var observations = Observe(environment);
            var keep = tensor(Enumerable.Range(0, 4).Select(e => environment.StepIndex(e) == 0 ? 0f : 1f).ToArray());
            using (no_grad())
            {
                expected = model.Step(observations, (expected ?? model.InitialState(observations)).Masked(keep)).Next;
            }
            policy.Act(environment, actions);
            Assert.True(policy.Memory!.Hidden.allclose(expected.Hidden, rtol: 1e-5, atol: 1e-6), $"step {t}: the policy's memory is not the stepped one");
            environment.Step(actions, rewards, dones, truncated);
        }
        // A new environment starts every episode from an empty memory.
        var other = new GoalGrid(4, seed: 6, horizon: 3);
        policy.Act(other, actions);
        using (no_grad())
        {
            var observations = Observe(other);
            Assert.True(policy.Memory!.Hidden.allclose(model.Step(observations, model.InitialState(observations)).Next.Hidden, rtol: 1e-5, atol: 1e-6));
        }
    }

    private static Tensor Observe(IVectorEnvironment environment)
    {
        var s = environment.ObservationShape;
        var observations = new float[environment.Count * s.Size];
        environment.Observe(observations);
        return tensor(observations, [environment.Count, s.Channels, s.Height, s.Width]);
    }

    private static Language.Model.ComponentModel Component(string name) => name == "lstm"
        ? TrainingFixture.Component("lstm", ("hidden", new[] { 16 }), ("size", 8))
        : TrainingFixture.Component("conv_lstm", ("channels", new[] { 4 }), ("size", 8), ("hidden", 16));

    private static RecurrentActorCritic Create(string name)
    {
        manual_seed(1);
        return (RecurrentActorCritic)ActorCriticFactory.Create(Component(name), new ObservationShape(2, 5, 5), 4);
    }
}

/// <summary>Thinking time: a policy with memory thinks on each episode's first observation; one without has nothing to think with.</summary>
public sealed class ThinkingTests
{
    [Fact]
    public void A_recurrent_policy_thinks_on_the_first_observation_of_each_starting_episode()
    {
        using var policy = Train(TrainingFixture.Component("lstm", ("hidden", new[] { 16 }), ("size", 8)));
        var model = (RecurrentActorCritic)policy.Model;
        var environment = new GoalGrid(4, seed: 5, horizon: 3);
        var actions = new int[4];
        using var scope = NewDisposeScope();
        var observations = Observe(environment);
        RecurrentState expected;
        using (no_grad())
        {
            expected = model.InitialState(observations);
            for (var t = 0; t < 3 + 1; t++)
            {
                expected = model.Step(observations, expected).Next;
            }
        }
        policy.Thinking(3).Act(environment, actions);
        Assert.True(policy.Memory!.Hidden.allclose(expected.Hidden, rtol: 1e-5, atol: 1e-6), "three thinking steps and the acting step on the first observation");

        // One step later no episode starts: thinking changes nothing, the memory advances by one step.
        var rewards = new float[4];
        var dones = new bool[4];
        var truncated = new bool[4];
        environment.Step(actions, rewards, dones, truncated);
        var next = Observe(environment);
        var before = policy.Memory!.Keep();
        using (no_grad())
        {
            expected = model.Step(next, before).Next;
        }
        policy.Thinking(3).Act(environment, actions);
        Assert.True(policy.Memory!.Hidden.allclose(expected.Hidden, rtol: 1e-5, atol: 1e-6), "a running episode does not think");
        before.Dispose();
    }

    [Fact]
    public void A_feed_forward_policy_acts_the_same_with_and_without_thinking()
    {
        using var plain = Train(TrainingFixture.Component("mlp", ("hidden", new[] { 16 })));
        using var thinking = Train(TrainingFixture.Component("mlp", ("hidden", new[] { 16 })));
        Assert.Same(thinking, thinking.Thinking(8));
        var a = new GoalGrid(4, seed: 9);
        var b = new GoalGrid(4, seed: 9);
        var actionsA = new int[4];
        var actionsB = new int[4];
        for (var t = 0; t < 10; t++)
        {
            plain.Act(a, actionsA);
            thinking.Thinking(8).Act(b, actionsB);
            Assert.Equal(actionsA, actionsB);
            a.Step(actionsA, new float[4], new bool[4], new bool[4]);
            b.Step(actionsB, new float[4], new bool[4], new bool[4]);
        }
    }

    private static ActorCriticPolicy Train(Language.Model.ComponentModel model) =>
        (ActorCriticPolicy)new TorchTrainer().Train(
            TrainingFixture.Spec(model, TrainingFixture.Component("ppo", ("steps", 256), ("envs", 4), ("rollout", 16), ("minibatches", 2))),
            TrainingFixture.ReachGoal, seed: 1, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);

    private static Tensor Observe(IVectorEnvironment environment)
    {
        var s = environment.ObservationShape;
        var observations = new float[environment.Count * s.Size];
        environment.Observe(observations);
        return tensor(observations, [environment.Count, s.Channels, s.Height, s.Width]);
    }
}
