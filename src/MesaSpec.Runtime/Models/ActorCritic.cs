using TorchSharp;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Models;

/// <summary>
/// A policy-and-value network: maps a batch of channels-first observations <c>[B, C, H, W]</c> to action logits
/// <c>[B, A]</c> and state values <c>[B]</c>.
/// </summary>
public abstract class ActorCritic(string name) : nn.Module<Tensor, (Tensor Logits, Tensor Value)>(name)
{
    /// <summary>
    /// The trunk's layers a probe reads, in forward order (layer k is element k-1): the output of each hidden
    /// layer's nonlinearity. Forward hooks on these modules record and shift activations.
    /// </summary>
    public abstract IReadOnlyList<nn.Module<Tensor, Tensor>> ReadableLayers { get; }

    /// <summary>
    /// Whether the network accepts observations of any grid size (with the channels it was built for): nothing in
    /// it has the grid's size, e.g. its heads read a global pooling. What the descriptor's
    /// <c>AnyGridSize</c> says of the arguments it was built from; a policy checks it before acting on another grid.
    /// </summary>
    public virtual bool AnyGridSize => false;

    /// <summary>
    /// Orthogonal initialisation (Saxe et al. 2014; the usual choice for PPO): hidden layers with gain sqrt(2),
    /// the policy head with 0.01 so the first policy is near uniform, the value head with 1; biases zero.
    /// Uses torch's global generator, so callers seed it under <see cref="Training.TorchGlobalState"/>.
    /// </summary>
    protected static void Initialise(IEnumerable<nn.Module> hidden, nn.Module policyHead, nn.Module valueHead)
    {
        using var noGrad = no_grad();
        foreach (var layer in hidden)
        {
            InitialiseLayer(layer, Math.Sqrt(2));
        }
        InitialiseLayer(policyHead, 0.01);
        InitialiseLayer(valueHead, 1.0);
    }

    private static void InitialiseLayer(nn.Module layer, double gain)
    {
        foreach (var (name, parameter) in layer.named_parameters())
        {
            // "weight", or an LSTM cell's "weight_ih" / "weight_hh" (zeroing those would leave the memory dead).
            if (name.Split('.')[^1].StartsWith("weight", StringComparison.Ordinal))
            {
                nn.init.orthogonal_(parameter, gain);
            }
            else
            {
                nn.init.zeros_(parameter);
            }
        }
    }
}
