using MesaSpec.Language.Catalogue;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Models;

/// <summary><c>mlp(hidden, activation)</c>: hidden layers on the flattened observation shared by both heads.</summary>
public sealed class MlpActorCritic : ActorCritic
{
    private readonly Sequential body;
    private readonly Linear policy;
    private readonly Linear value;
    private readonly List<nn.Module<Tensor, Tensor>> activations = [];

    public MlpActorCritic(int inputSize, IReadOnlyList<int> hidden, string activation, int actionCount) : base(BuiltinComponents.Mlp.Name)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var linears = new List<nn.Module>();
        var width = inputSize;
        for (var i = 0; i < hidden.Count; i++)
        {
            var linear = nn.Linear(width, hidden[i]);
            linears.Add(linear);
            layers.Add(($"linear{i}", linear));
            var nonlinearity = Activation(activation);
            activations.Add(nonlinearity);
            layers.Add(($"{activation}{i}", nonlinearity));
            width = hidden[i];
        }
        body = nn.Sequential(layers);
        policy = nn.Linear(width, actionCount);
        value = nn.Linear(width, 1);
        RegisterComponents();
        Initialise(linears, policy, value);
    }

    public override IReadOnlyList<nn.Module<Tensor, Tensor>> ReadableLayers => activations;

    public override (Tensor Logits, Tensor Value) forward(Tensor observations)
    {
        var features = body.forward(observations.flatten(1));
        return (policy.forward(features), value.forward(features).squeeze(-1));
    }

    /// <summary>The activation layer; the descriptor's choices are the one list of names (checked before this runs).</summary>
    private static nn.Module<Tensor, Tensor> Activation(string name) => name switch
    {
        "tanh" => nn.Tanh(),
        "relu" => nn.ReLU(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown activation"),
    };

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
