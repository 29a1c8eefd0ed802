using MesaSpec.Language.Catalogue;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.InContext;

/// <summary>
/// <c>linear_attention(layers)</c>: linear self-attention as in von Oswald et al. (2023). Each layer updates every
/// token e by W_PV Γ W_KQ e with Γ = (1/N) Σ_i e_i e_iᵀ over the N context tokens (residual; no softmax, MLP or
/// normalisation); the prediction is the query token's last (y) coordinate. With W_KQ = [[I, 0], [0, 0]] and
/// W_PV zero but for η in its last diagonal entry, one layer predicts η x_qᵀ Xᵀy / N: one step of gradient
/// descent from w = 0 on the context's squared loss.
/// </summary>
public sealed class LinearAttentionNetwork : InContextNetwork
{
    private readonly ParameterList keyQuery = new();
    private readonly ParameterList projectionValue = new();
    private readonly int width;

    /// <summary>Initial weights are normal with this standard deviation (small: the update starts near zero).</summary>
    public const double InitialScale = 0.02;

    public LinearAttentionNetwork(int dimension, int layers) : base(BuiltinComponents.LinearAttention.Name)
    {
        width = dimension + 1;
        for (var l = 0; l < layers; l++)
        {
            keyQuery.Add(new Parameter(randn(width, width) * InitialScale));
            projectionValue.Add(new Parameter(randn(width, width) * InitialScale));
        }
        RegisterComponents();
    }

    public int Layers => keyQuery.Count;

    public override Tensor forward(Tensor tokens)
    {
        var context = tokens.shape[1] - 1;
        var z = tokens;
        for (var l = 0; l < keyQuery.Count; l++)
        {
            var c = z.narrow(1, 0, context);
            var gamma = c.transpose(1, 2).matmul(c).div(torch.tensor((float)context, ScalarType.Float32, z.device));
            z = z + z.matmul(keyQuery[l].t()).matmul(gamma).matmul(projectionValue[l].t());
        }
        return z.select(1, context).select(1, width - 1);
    }

    /// <summary>Sets layer <paramref name="layer"/>'s W_KQ and W_PV (row-major, (d+1)×(d+1)): for tests and analyses of known solutions.</summary>
    public void SetLayer(int layer, float[] keyQueryWeights, float[] projectionValueWeights)
    {
        using var noGrad = no_grad();
        keyQuery[layer].copy_(tensor(keyQueryWeights, [width, width]));
        projectionValue[layer].copy_(tensor(projectionValueWeights, [width, width]));
    }
}
