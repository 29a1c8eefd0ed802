using MesaSpec.Language.Catalogue;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Models.Recurrent;

/// <summary>
/// <c>conv_lstm(channels, size, hidden)</c>: 3x3 convolutions that keep the grid size, a convolutional LSTM
/// cell of <c>size</c> channels at every cell, then mean and max pooling over the grid and a dense layer shared
/// by both heads. The pooling makes the heads independent of the grid size (a small DRC-style planner; Guez et
/// al. 2019, Taufeeque et al. 2024 use stacked cells with several ticks per step).
/// </summary>
public sealed class ConvLstmActorCritic : RecurrentActorCritic
{
    private readonly Sequential encoder;
    private readonly ConvLstmCell cell;
    private readonly Sequential head;
    private readonly Linear policy;
    private readonly Linear value;
    private readonly int size;
    private readonly List<nn.Module<Tensor, Tensor>> readable = [];
    private readonly Identity memory = nn.Identity();

    public ConvLstmActorCritic(Gridworld.ObservationShape shape, IReadOnlyList<int> channels, int size, int hidden, int actionCount) : base(BuiltinComponents.ConvLstm.Name)
    {
        this.size = size;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var weighted = new List<nn.Module>();
        var inChannels = shape.Channels;
        for (var i = 0; i < channels.Count; i++)
        {
            var conv = nn.Conv2d(inChannels, channels[i], kernel_size: 3, stride: 1, padding: 1);
            weighted.Add(conv);
            layers.Add(($"conv{i}", conv));
            var relu = nn.ReLU();
            readable.Add(relu);
            layers.Add(($"relu{i}", relu));
            inChannels = channels[i];
        }
        encoder = nn.Sequential(layers);
        cell = new ConvLstmCell("cell", inChannels, size);
        var dense = nn.Linear(2L * size, hidden);
        var denseRelu = nn.ReLU();
        head = nn.Sequential(("dense", dense), ("relu_dense", denseRelu));
        readable.Add(memory);
        readable.Add(denseRelu);
        weighted.Add(cell);
        weighted.Add(dense);
        policy = nn.Linear(hidden, actionCount);
        value = nn.Linear(hidden, 1);
        RegisterComponents();
        Initialise(weighted, policy, value);
    }

    /// <summary>The pooled heads do not depend on the grid's size.</summary>
    public override bool AnyGridSize => true;

    /// <summary>The convolutions' outputs, the memory (the cell's hidden state at every cell), then the dense layer.</summary>
    public override IReadOnlyList<nn.Module<Tensor, Tensor>> ReadableLayers => readable;

    /// <summary>The memory has the observation's grid, whatever its size: the pooled heads do not depend on it.</summary>
    public override RecurrentState InitialState(Tensor observations)
    {
        long[] shape = [observations.shape[0], size, observations.shape[2], observations.shape[3]];
        return new(zeros(shape, device: observations.device), zeros(shape, device: observations.device));
    }

    public override (Tensor Logits, Tensor Value, RecurrentState Next) Step(Tensor observations, RecurrentState state)
    {
        var stepped = cell.forward(encoder.forward(observations), state);
        // Through an identity layer, so a hook on it reads the memory and a steering shift is remembered too.
        var next = new RecurrentState(memory.call(stepped.Hidden), stepped.Cell);
        var pooled = GlobalPooling.MeanMax(next.Hidden);
        var features = head.forward(pooled);
        return (policy.forward(features), value.forward(features).squeeze(-1), next);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            encoder.Dispose();
            cell.Dispose();
            memory.Dispose();
            head.Dispose();
            policy.Dispose();
            value.Dispose();
        }
        base.Dispose(disposing);
    }
}
