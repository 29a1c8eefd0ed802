using TorchSharp;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Models;

/// <summary>
/// The mean and the maximum of every channel over the grid, <c>[B, C, H, W]</c> to <c>[B, 2C]</c>: what a
/// model's heads read when nothing in them may depend on the grid's size (<c>cnn(pool: global)</c>, <c>conv_lstm</c>).
/// The mean says how much of a feature there is, the maximum whether it occurs anywhere (a goal next to the agent).
/// A layer without weights, so it can sit in a model's sequence of layers where a flatten would.
/// </summary>
public sealed class GlobalPooling() : nn.Module<Tensor, Tensor>("global_pool")
{
    public static Tensor MeanMax(Tensor grid) => cat([grid.mean([2, 3]), grid.amax([2, 3])], 1);

    public override Tensor forward(Tensor grid) => MeanMax(grid);
}
