using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Models.Recurrent;

/// <summary>
/// A convolutional LSTM cell (Shi et al. 2015): the four gates are one 3x3 convolution over the input and the
/// hidden state side by side, so the memory keeps the grid's layout (a plan can live at the cells it is about,
/// as in the DRC agents of Guez et al. 2019).
/// </summary>
public sealed class ConvLstmCell : nn.Module<Tensor, RecurrentState, RecurrentState>
{
    private readonly Conv2d gates;
    private readonly int channels;

    public ConvLstmCell(string name, int inputChannels, int channels) : base(name)
    {
        this.channels = channels;
        gates = nn.Conv2d(inputChannels + channels, 4L * channels, kernel_size: 3, stride: 1, padding: 1);
        RegisterComponents();
    }

    public override RecurrentState forward(Tensor input, RecurrentState state)
    {
        var all = gates.forward(cat([input, state.Hidden], 1)).chunk(4, 1);
        var (i, f, g, o) = (all[0].sigmoid(), all[1].sigmoid(), all[2].tanh(), all[3].sigmoid());
        var cell = f * state.Cell + i * g;
        return new RecurrentState(o * cell.tanh(), cell);
    }

    public int Channels => channels;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gates.Dispose();
        }
        base.Dispose(disposing);
    }
}
