using MesaSpec.Gridworld;
using MesaSpec.Runtime.Models;
using MesaSpec.Runtime.Training;

namespace MesaSpec.Runtime.Tests.Probes;

/// <summary>The forward hooks behind probes and steering, on real TorchSharp models.</summary>
public sealed class InspectionTests
{
    private static ActorCriticPolicy Policy(ActorCritic model) =>
        new(model, new ObservationShape(2, 5, 5), 4, TorchSharp.torch.CPU, [], null, seed: 3);

    public static TheoryData<string> Models() => ["mlp", "cnn"];

    private static ActorCritic Model(string kind)
    {
        TorchSharp.torch.manual_seed(7);
        return kind == "mlp" ? new MlpActorCritic(2 * 5 * 5, [16, 8], "tanh", 4) : new CnnActorCritic(new ObservationShape(2, 5, 5), [3], 12, 4);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_trunk_layer_can_be_read_with_one_row_per_episode(string kind)
    {
        using var policy = Policy(Model(kind));
        var environment = new GoalGrid(count: 6, seed: 1);

        var read = policy.ActAndRead(environment, new int[6], [1, 2]);

        Assert.Equal(2, policy.Layers);
        Assert.Equal(kind == "mlp" ? 6 * 16 : 6 * 3 * 5 * 5, read[0].Length);
        Assert.Equal(kind == "mlp" ? 6 * 8 : 6 * 12, read[1].Length);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Steering_adds_exactly_the_vector_to_the_layer_and_changes_what_follows(string kind)
    {
        using var policy = Policy(Model(kind));
        var environment = new GoalGrid(count: 4, seed: 2);
        var before = policy.ActAndRead(environment, new int[4], [1, 2]);
        var width = before[0].Length / 4;
        var shift = Enumerable.Range(0, width).Select(i => (float)(0.25 * Math.Sin(i + 1))).ToArray();

        IReadOnlyList<float[]> after;
        using (policy.Steer(1, shift))
        {
            after = policy.ActAndRead(environment, new int[4], [1, 2]);
        }
        var released = policy.ActAndRead(environment, new int[4], [1, 2]);

        for (var e = 0; e < 4; e++)
        {
            for (var u = 0; u < width; u++)
            {
                Assert.Equal(before[0][e * width + u] + shift[u], after[0][e * width + u], 5);
            }
        }
        Assert.NotEqual(before[1], after[1]);
        Assert.Equal(before[0], released[0]);
        Assert.Equal(before[1], released[1]);
    }

    [Fact]
    public void Restarting_sampling_replays_the_same_actions()
    {
        using var policy = Policy(Model("mlp"));
        var environment = new GoalGrid(count: 8, seed: 4);
        var first = new int[8];
        var second = new int[8];

        policy.Act(environment, first);
        policy.RestartSampling();
        policy.Act(environment, second);

        Assert.Equal(first, second);
    }
}
