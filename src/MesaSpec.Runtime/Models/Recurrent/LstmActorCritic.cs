using MesaSpec.Language.Catalogue;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Models.Recurrent;

/// <summary>
/// <c>lstm(hidden, size)</c>: dense layers on the flattened observation, an LSTM cell of <c>size</c> units
/// (Hochreiter and Schmidhuber 1997) whose hidden state both heads read.
/// </summary>
public sealed class LstmActorCritic : RecurrentActorCritic
{
    private readonly Sequential encoder;
    private readonly LSTMCell cell;
    private readonly Linear policy;
    private readonly Linear value;
    private readonly int size;
    private readonly List<nn.Module<Tensor, Tensor>> readable = [];
    private readonly Identity memory = nn.Identity();

    public LstmActorCritic(int inputSize, IReadOnlyList<int> hidden, int size, int actionCount) : base(BuiltinComponents.Lstm.Name)
    {
        this.size = size;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var linears = new List<nn.Module>();
        var width = inputSize;
        for (var i = 0; i < hidden.Count; i++)
        {
            var linear = nn.Linear(width, hidden[i]);
            linears.Add(linear);
            layers.Add(($"linear{i}", linear));
            var tanh = nn.Tanh();
            readable.Add(tanh);
            layers.Add(($"tanh{i}", tanh));
            width = hidden[i];
        }
        encoder = nn.Sequential(layers);
        cell = nn.LSTMCell(width, size);
        readable.Add(memory);
        policy = nn.Linear(size, actionCount);
        value = nn.Linear(size, 1);
        RegisterComponents();
        Initialise([.. linears, cell], policy, value);
    }

    /// <summary>The dense layers' outputs, then the memory (the LSTM's hidden state): probes read it, steering shifts it.</summary>
    public override IReadOnlyList<nn.Module<Tensor, Tensor>> ReadableLayers => readable;

    public override RecurrentState InitialState(Tensor observations) =>
        new(zeros(observations.shape[0], size, device: observations.device), zeros(observations.shape[0], size, device: observations.device));

    public override (Tensor Logits, Tensor Value, RecurrentState Next) Step(Tensor observations, RecurrentState state)
    {
        var features = encoder.forward(observations.flatten(1));
        var (cellHidden, c) = cell.forward(features, (state.Hidden, state.Cell));
        // Through an identity layer, called (not forward()) so its hooks run: a probe reads the memory and a steering
        // shift is remembered too.
        var h = memory.call(cellHidden);
        return (policy.forward(h), value.forward(h).squeeze(-1), new RecurrentState(h, c));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            encoder.Dispose();
            cell.Dispose();
            memory.Dispose();
            policy.Dispose();
            value.Dispose();
        }
        base.Dispose(disposing);
    }
}
