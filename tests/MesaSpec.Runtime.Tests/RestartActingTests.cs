using MesaSpec.Runtime.Training;

namespace MesaSpec.Runtime.Tests;

/// <summary>
/// A trained model evaluated at several sweep points is restarted between them: after <c>RestartActing</c> it acts
/// exactly as it did when training handed it over (the same sampled actions, a recurrent memory begun afresh).
/// </summary>
public sealed class RestartActingTests
{
    public static TheoryData<string> Models => ["mlp", "lstm"];

    [Theory]
    [MemberData(nameof(Models))]
    public void A_restarted_policy_repeats_its_first_actions(string name)
    {
        using var policy = Train(name);
        var first = Actions(policy);
        var continued = Actions(policy);
        policy.RestartActing();
        var restarted = Actions(policy);

        Assert.Equal(first, restarted);
        Assert.NotEqual(first, continued); // the stream had moved on: the check can fail
    }

    /// <summary>Twelve steps of eight episodes, on an environment of the same levels each time.</summary>
    private static int[] Actions(ActorCriticPolicy policy)
    {
        var environment = new GoalGrid(8, seed: 5, horizon: 4);
        var actions = new int[8];
        var rewards = new float[8];
        var dones = new bool[8];
        var truncated = new bool[8];
        var taken = new List<int>();
        for (var t = 0; t < 12; t++)
        {
            policy.Act(environment, actions);
            taken.AddRange(actions);
            environment.Step(actions, rewards, dones, truncated);
        }
        return [.. taken];
    }

    private static ActorCriticPolicy Train(string name) =>
        (ActorCriticPolicy)new TorchTrainer().Train(
            TrainingFixture.Spec(
                name == "mlp" ? TrainingFixture.Component("mlp", ("hidden", new[] { 16 })) : TrainingFixture.Component("lstm", ("hidden", new[] { 16 }), ("size", 8)),
                TrainingFixture.Component("ppo", ("steps", 256), ("envs", 4), ("rollout", 16), ("minibatches", 2))),
            TrainingFixture.ReachGoal, seed: 1, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);
}
