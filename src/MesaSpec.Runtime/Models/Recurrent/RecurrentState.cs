using static TorchSharp.torch;

namespace MesaSpec.Runtime.Models.Recurrent;

/// <summary>
/// The memory of a recurrent policy for a batch of episodes: an LSTM's hidden and cell state, batch first
/// (<c>[B, size]</c>, or <c>[B, size, H, W]</c> for a convolutional LSTM). Tensors follow the dispose scope they
/// were made in; <see cref="Keep"/> detaches a copy from every scope for state carried between steps.
/// </summary>
public sealed record RecurrentState(Tensor Hidden, Tensor Cell) : IDisposable
{
    /// <summary>The state with the episodes where <paramref name="keep"/> is 0 (an episode starts) set to zero.</summary>
    public RecurrentState Masked(Tensor keep)
    {
        var shape = new long[Hidden.dim()];
        Array.Fill(shape, 1L);
        shape[0] = keep.shape[0];
        var mask = keep.reshape(shape);
        return new RecurrentState(Hidden * mask, Cell * mask);
    }

    /// <summary>This state for the episodes where <paramref name="take"/> is 1, <paramref name="otherwise"/>'s where it is 0.</summary>
    public RecurrentState Where(Tensor take, RecurrentState otherwise)
    {
        var shape = new long[Hidden.dim()];
        Array.Fill(shape, 1L);
        shape[0] = take.shape[0];
        var mask = take.reshape(shape);
        var rest = 1 - mask;
        return new RecurrentState(Hidden * mask + otherwise.Hidden * rest, Cell * mask + otherwise.Cell * rest);
    }

    /// <summary>The episodes at <paramref name="indices"/> (a minibatch of environments).</summary>
    public RecurrentState Select(Tensor indices) => new(Hidden.index_select(0, indices), Cell.index_select(0, indices));

    /// <summary>A copy outside every dispose scope and the autograd graph; its owner disposes it.</summary>
    public RecurrentState Keep() => new(Hidden.detach().clone().DetachFromDisposeScope(), Cell.detach().clone().DetachFromDisposeScope());

    public void Dispose()
    {
        Hidden.Dispose();
        Cell.Dispose();
    }
}
