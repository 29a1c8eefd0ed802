using MesaSpec.Runtime.Training;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Tests;

/// <summary>What a trained policy says it would do (the report's vector field and value map) is its network's answer, and asking changes nothing.</summary>
public sealed class PreferenceTests
{
    [Theory]
    [InlineData("mlp")]
    [InlineData("lstm")]
    public void Preferences_are_the_networks_distribution_and_value_and_consume_no_randomness(string model)
    {
        var spec = TrainingFixture.Spec(
            model == "mlp" ? TrainingFixture.Component("mlp", ("hidden", new[] { 16 })) : TrainingFixture.Component("lstm", ("hidden", new[] { 16 }), ("size", 16)),
            TrainingFixture.Component("ppo", ("steps", 512), ("envs", 4), ("rollout", 32)));
        using var policy = (ActorCriticPolicy)new TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 2, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None);

        var environment = new GoalGrid(6, seed: 5);
        var probabilities = new float[6 * 4];
        var values = new float[6];
        policy.Preferences(environment, probabilities, values);

        var observation = new float[6 * 2 * 5 * 5];
        environment.Observe(observation);
        using (NewDisposeScope())
        using (no_grad())
        {
            var (logits, value) = policy.Model.forward(tensor(observation, [6, 2, 5, 5]));
            var expected = logits.softmax(-1).data<float>().ToArray();
            Assert.Equal(expected, probabilities, (a, b) => Math.Abs(a - b) < 1e-6f);
            Assert.Equal(value.reshape(6).data<float>().ToArray(), values, (a, b) => Math.Abs(a - b) < 1e-6f);
        }
        for (var e = 0; e < 6; e++)
        {
            Assert.Equal(1f, probabilities.AsSpan(e * 4, 4).ToArray().Sum(), 1e-5f);
        }

        // Acting after asking draws what acting alone draws.
        policy.RestartSampling();
        var alone = Actions(policy, new GoalGrid(6, seed: 5));
        policy.RestartSampling();
        policy.Preferences(new GoalGrid(6, seed: 5), probabilities, values);
        Assert.Equal(alone, Actions(policy, new GoalGrid(6, seed: 5)));
    }

    private static int[] Actions(ActorCriticPolicy policy, GoalGrid environment)
    {
        var all = new List<int>();
        var actions = new int[environment.Count];
        var (rewards, dones, truncated) = (new float[environment.Count], new bool[environment.Count], new bool[environment.Count]);
        for (var t = 0; t < 10; t++)
        {
            policy.Act(environment, actions);
            environment.Step(actions, rewards, dones, truncated);
            all.AddRange(actions);
        }
        return [.. all];
    }
}
