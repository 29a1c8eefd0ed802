using MesaSpec.Gridworld;
using MesaSpec.Runtime.Models;
using MesaSpec.Runtime.Training;

namespace MesaSpec.Runtime.Tests.Probes;

/// <summary>The forward hooks behind probes and steering, on real TorchSharp models.</summary>
public sealed class InspectionTests
{
    private static ActorCriticPolicy Policy(ActorCritic model) =>
        new(model, new ObservationShape(2, 5, 5), 4, TorchSharp.torch.CPU, [], null, seed: 3);

    // The models with memory expose the memory as a layer (the recurrent state), so it is probed and steered like any other.
    public static TheoryData<string> Models() => ["mlp", "cnn", "lstm", "conv_lstm"];

    private static ActorCritic Model(string kind)
    {
        TorchSharp.torch.manual_seed(7);
        var shape = new ObservationShape(2, 5, 5);
        return kind switch
        {
            "mlp" => new MlpActorCritic(shape.Size, [16, 8], "tanh", 4),
            "cnn" => new CnnActorCritic(shape, [3], 12, 4),
            "lstm" => new Models.Recurrent.LstmActorCritic(shape.Size, [16], 8, 4),
            _ => new Models.Recurrent.ConvLstmActorCritic(shape, [3], 4, 12, 4),
        };
    }

    /// <summary>Units per episode of each readable layer, in order.</summary>
    private static int[] Widths(string kind) => kind switch
    {
        "mlp" => [16, 8],
        "cnn" => [3 * 5 * 5, 12],
        "lstm" => [16, 8],
        _ => [3 * 5 * 5, 4 * 5 * 5, 12],
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_trunk_layer_can_be_read_with_one_row_per_episode(string kind)
    {
        using var policy = Policy(Model(kind));
        var environment = new GoalGrid(count: 6, seed: 1);

        var widths = Widths(kind);
        var read = policy.ActAndRead(environment, new int[6], Enumerable.Range(1, widths.Length).ToList());

        Assert.Equal(widths.Length, policy.Layers);
        Assert.Equal(widths.Select(w => 6 * w), read.Select(r => r.Length));
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

    [Theory]
    [InlineData("lstm", 2)]
    [InlineData("conv_lstm", 2)]
    public void A_shift_of_the_memory_is_carried_to_the_next_step(string kind, int memoryLayer)
    {
        // Two copies of one model see the same two steps; only the first has its memory shifted, on step one only.
        using var steered = Policy(Model(kind));
        using var plain = Policy(Model(kind));
        var width = Widths(kind)[memoryLayer - 1];
        var shift = Enumerable.Range(0, width).Select(i => (float)(0.5 * Math.Cos(i))).ToArray();
        var first = new GoalGrid(count: 3, seed: 6);
        var second = new GoalGrid(count: 3, seed: 6);
        var actions = new int[3];
        using (steered.Steer(memoryLayer, shift))
        {
            steered.Act(first, actions);
        }
        plain.Act(second, new int[3]);
        // Both environments take the steered policy's actions, so only the memory differs at the second step.
        first.Step(actions, new float[3], new bool[3], new bool[3]);
        second.Step(actions, new float[3], new bool[3], new bool[3]);

        var afterSteering = steered.ActAndRead(first, new int[3], [memoryLayer]);
        var unsteered = plain.ActAndRead(second, new int[3], [memoryLayer]);

        Assert.NotEqual(unsteered[0], afterSteering[0]);
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
