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

    /// <summary>
    /// The same loss over the steps whose <paramref name="weights"/> are 1 only (the episodes a robust curriculum trains
    /// on; the others weigh 0): each mean, and the advantages' normalisation, runs over those steps. The caller skips a
    /// minibatch without any.
    /// </summary>
    public static Tensor ComputeWeighted(
        OnPolicySettings settings,
        LossScalars scalars,
        Tensor logits,
        Tensor values,
        Tensor actions,
        Tensor oldLogProbabilities,
        Tensor advantages,
        Tensor returns,
        Tensor weights,
        long trained)
    {
        // Counts as tensors, not scalars: a scalar converted here would be one nothing holds (see HeldScalars).
        var count = tensor((float)trained, device: weights.device);
        Tensor Mean(Tensor x) => x.mul(weights).sum().div(count);
        var logProbabilitiesAll = nn.functional.log_softmax(logits, -1);
        var logProbabilities = logProbabilitiesAll.gather(1, actions.unsqueeze(1)).squeeze(1);
        var entropy = -Mean((logProbabilitiesAll.exp() * logProbabilitiesAll).sum(-1));

        if (settings.NormaliseAdvantages && trained > 1)
        {
            var centred = advantages.sub(Mean(advantages));
            var std = centred.pow(scalars.Two).mul(weights).sum().div(tensor((float)(trained - 1), device: weights.device)).sqrt();
            advantages = centred.div(std.add(scalars.AdvantageEpsilon, scalars.One));
        }

        var policyLoss = settings.Objective switch
        {
            PolicyObjective.ClippedSurrogate => -Mean(SurrogateTerms(logProbabilities, oldLogProbabilities, advantages, scalars)),
            _ => -Mean(logProbabilities * advantages),
        };
        var valueLoss = Mean(values.sub(returns).pow(scalars.Two)).mul(scalars.Half);
        return policyLoss.add(valueLoss, scalars.ValueCoef).add(entropy, scalars.NegativeEntropy);
    }

    private static Tensor SurrogateTerms(Tensor logProbabilities, Tensor oldLogProbabilities, Tensor advantages, LossScalars scalars)
    {
        var ratio = logProbabilities.sub(oldLogProbabilities).exp();
        return minimum(ratio * advantages, ratio.clamp(scalars.ClipLow, scalars.ClipHigh) * advantages);
    }

    private static Tensor ClippedSurrogate(Tensor logProbabilities, Tensor oldLogProbabilities, Tensor advantages, LossScalars scalars) =>
        -SurrogateTerms(logProbabilities, oldLogProbabilities, advantages, scalars).mean();
}
