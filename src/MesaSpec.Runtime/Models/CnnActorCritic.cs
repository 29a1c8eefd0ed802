using MesaSpec.Language.Catalogue;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Models;

/// <summary>
/// <c>cnn(channels, hidden, pool)</c>: 3x3 convolutions that keep the grid size (so a cell's features stay at its
/// position), then one fully connected hidden layer shared by both heads. The dense layer reads every cell of the
/// last convolution (<c>flatten</c>, tied to the grid size it was built for), or each channel's mean and maximum
/// over the grid (<c>global</c>, <see cref="GlobalPooling"/>), which any grid size gives.
/// </summary>
public sealed class CnnActorCritic : ActorCritic
{
    private readonly bool globalPool;
    private readonly Sequential body;
    private readonly Linear policy;
    private readonly Linear value;
    private readonly List<nn.Module<Tensor, Tensor>> activations = [];

    public CnnActorCritic(Gridworld.ObservationShape shape, IReadOnlyList<int> channels, int hidden, int actionCount, bool globalPool = false)
        : base(BuiltinComponents.Cnn.Name)
    {
        this.globalPool = globalPool;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var weighted = new List<nn.Module>();
        var inChannels = shape.Channels;
        for (var i = 0; i < channels.Count; i++)
        {
            var conv = nn.Conv2d(inChannels, channels[i], kernel_size: 3, stride: 1, padding: 1);
            weighted.Add(conv);
            layers.Add(($"conv{i}", conv));
            var relu = nn.ReLU();
            activations.Add(relu);
            layers.Add(($"relu{i}", relu));
            inChannels = channels[i];
        }
        // The layer names (and so a checkpoint's keys) of a flattening cnn are those it had before pooling existed.
        layers.Add(globalPool ? ("pool", new GlobalPooling()) : ("flatten", nn.Flatten()));
        var dense = nn.Linear(globalPool ? 2L * inChannels : (long)inChannels * shape.Height * shape.Width, hidden);
        weighted.Add(dense);
        layers.Add(("dense", dense));
        var denseRelu = nn.ReLU();
        activations.Add(denseRelu);
        layers.Add(("relu_dense", denseRelu));
        body = nn.Sequential(layers);
        policy = nn.Linear(hidden, actionCount);
        value = nn.Linear(hidden, 1);
        RegisterComponents();
        Initialise(weighted, policy, value);
    }

    public override IReadOnlyList<nn.Module<Tensor, Tensor>> ReadableLayers => activations;

    public override bool AnyGridSize => globalPool;

    public override (Tensor Logits, Tensor Value) forward(Tensor observations)
    {
        var features = body.forward(observations);
        return (policy.forward(features), value.forward(features).squeeze(-1));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
            policy.Dispose();
            value.Dispose();
        }
        base.Dispose(disposing);
    }
}
