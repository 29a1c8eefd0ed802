using static TorchSharp.torch;

namespace MesaSpec.Runtime.Training;

/// <summary>The actor-critic loss of one minibatch; the tensors live in the caller's dispose scope.</summary>
internal static class OnPolicyLoss
{
    /// <summary>
    /// policy loss + value_coef x value loss - entropy x entropy. The policy loss is PPO's clipped surrogate
    /// (Schulman et al. 2017) or A2C's advantage-weighted log-probability; the value loss is half the squared
    /// error to the GAE return.
    /// </summary>
    public static Tensor Compute(
        OnPolicySettings settings,
        LossScalars scalars,
        Tensor logits,
        Tensor values,
        Tensor actions,
        Tensor oldLogProbabilities,
        Tensor advantages,
        Tensor returns)
    {
        var logProbabilitiesAll = nn.functional.log_softmax(logits, -1);
        var logProbabilities = logProbabilitiesAll.gather(1, actions.unsqueeze(1)).squeeze(1);
        var entropy = -(logProbabilitiesAll.exp() * logProbabilitiesAll).sum(-1).mean();

        if (settings.NormaliseAdvantages && advantages.shape[0] > 1)
        {
            advantages = advantages.sub(advantages.mean()).div(advantages.std().add(scalars.AdvantageEpsilon, scalars.One));
        }

        var policyLoss = settings.Objective switch
        {
            PolicyObjective.ClippedSurrogate => ClippedSurrogate(logProbabilities, oldLogProbabilities, advantages, scalars),
            _ => -(logProbabilities * advantages).mean(),
        };
        var valueLoss = values.sub(returns).pow(scalars.Two).mean().mul(scalars.Half);
        // add with an explicit alpha: its one-argument form converts 1 to a scalar nothing holds (see HeldScalars).
        return policyLoss.add(valueLoss, scalars.ValueCoef).add(entropy, scalars.NegativeEntropy);
    }

    private static Tensor ClippedSurrogate(Tensor logProbabilities, Tensor oldLogProbabilities, Tensor advantages, LossScalars scalars)
    {
        var ratio = logProbabilities.sub(oldLogProbabilities).exp();
        var unclipped = ratio * advantages;
        var clipped = ratio.clamp(scalars.ClipLow, scalars.ClipHigh) * advantages;
        return -minimum(unclipped, clipped).mean();
    }
}
