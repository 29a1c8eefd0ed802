using MesaSpec.Gridworld;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Runtime.Models;

namespace MesaSpec.Runtime.Tests;

/// <summary>
/// The descriptors' parameter counts, which <c>check</c> refuses a model too large for memory by (MS3022), against the
/// networks the Runtime builds: exact but for the heads (the estimate allows six outputs) on one input channel, which
/// is how the estimate counts the observation.
/// </summary>
public sealed class ParameterCountTests
{
    [Theory]
    [InlineData("mlp(hidden: [64, 32])")]
    [InlineData("cnn(channels: [8, 16], hidden: 32)")]
    [InlineData("cnn(channels: [8], hidden: 32, pool: \"global\")")]
    [InlineData("lstm(hidden: [32], size: 16)")]
    [InlineData("conv_lstm(channels: [8], size: 8, hidden: 32)")]
    public void The_estimate_counts_the_network_built(string call)
    {
        var model = Bound(call);
        using var network = ActorCriticFactory.Create(new ComponentModel(model.Name, model.Arguments), new ObservationShape(1, 5, 5), 4);
        var built = network.parameters().Sum(p => p.numel());
        var estimate = model.Descriptor!.ParameterCount!(model.Arguments, 25);
        // The heads: the estimate's sixth output is one more row of the last layer.
        Assert.InRange(estimate - built, 0, 200);
    }

    private static ComponentModel Bound(string call)
    {
        var text = $$"""
            environment Maze {
              grid 5 x 5
              walls none
              item cheese spawn anywhere
            }

            objective EatCheese {
              reward +1 when agent reaches cheese
              end when agent reaches cheese
            }

            experiment Run {
              base objective EatCheese
              train on Maze with {{call}} using ppo(steps: 1k)
              evaluate on Maze
            }
            """;
        var compilation = Compilation.Create(SyntaxTree.Parse(text, "/ws/main.mesa"));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        return ((TrainedPolicy)compilation.Plans.Single().Points[0].Policy).Model;
    }
}
