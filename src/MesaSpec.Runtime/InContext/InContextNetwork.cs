using MesaSpec.Experiments.InContext;
using TorchSharp;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.InContext;

/// <summary>
/// A model of an experiment on a task: reads a prompt as tokens e_i = [x_i; y_i] (the context pairs), then the
/// query token [x; 0], and predicts the query's target. Input [batch, context + 1, dimension + 1], output [batch].
/// </summary>
public abstract class InContextNetwork(string name) : nn.Module<Tensor, Tensor>(name)
{
    /// <summary>The tokens of prompts that share a context length, as float32 on <paramref name="device"/>.</summary>
    public static Tensor Tokens(IReadOnlyList<Prompt> prompts, Device device)
    {
        var d = prompts[0].Dimension;
        var n = prompts[0].Context;
        var width = d + 1;
        var data = new float[prompts.Count * (n + 1) * width];
        for (var b = 0; b < prompts.Count; b++)
        {
            var prompt = prompts[b];
            var offset = b * (n + 1) * width;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    data[offset + i * width + j] = (float)prompt.Inputs[i * d + j];
                }
                data[offset + i * width + d] = (float)prompt.Targets[i];
            }
            for (var j = 0; j < d; j++)
            {
                data[offset + n * width + j] = (float)prompt.Query[j];
            }
        }
        return tensor(data, [prompts.Count, n + 1, width], ScalarType.Float32, device);
    }

    public static Tensor Targets(IReadOnlyList<Prompt> prompts, Device device) =>
        tensor(prompts.Select(p => (float)p.QueryTarget).ToArray(), [prompts.Count], ScalarType.Float32, device);
}
