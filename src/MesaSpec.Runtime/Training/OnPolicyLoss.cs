using static TorchSharp.torch;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// The actor-critic loss of one minibatch, in two steps so that a minibatch can be split across threads
/// (<see cref="ShardedGradients"/>): the advantages are prepared over the whole minibatch, then each part of it adds
/// its rows' share of every mean. The tensors live in the caller's dispose scope.
/// </summary>
internal static class OnPolicyLoss
{
    /// <summary>
    /// The advantages as the loss uses them: PPO normalises them over the minibatch's trained steps (mean 0, standard
    /// deviation 1), A2C uses them as they are. <paramref name="weights"/> null means every step trains.
    /// </summary>
    public static Tensor PreparedAdvantages(OnPolicySettings settings, LossScalars scalars, Tensor advantages, Tensor? weights, long trained)
    {
        if (!settings.NormaliseAdvantages || trained <= 1)
        {
            return advantages;
        }
        if (weights is null)
        {
            return advantages.sub(advantages.mean()).div(advantages.std().add(scalars.AdvantageEpsilon, scalars.One));
        }
        var centred = advantages.sub(advantages.mul(weights).sum().div(Count(trained, weights)));
        var std = centred.pow(scalars.Two).mul(weights).sum().div(Count(trained - 1, weights)).sqrt();
        return centred.div(std.add(scalars.AdvantageEpsilon, scalars.One));
    }

    /// <summary>
    /// policy loss + value_coef x value loss - entropy x entropy over some rows of a minibatch, each mean taken as
    /// this part's sum divided by <paramref name="trained"/>, the minibatch's trained steps: the parts of a minibatch
    /// add up to its loss. The policy loss is PPO's clipped surrogate (Schulman et al. 2017) or A2C's
    /// advantage-weighted log-probability; the value loss is half the squared error to the GAE return. Steps whose
    /// <paramref name="weights"/> are 0 (a robust curriculum's fresh levels) add nothing; null weights: all train.
    /// </summary>
    public static Tensor Compute(
        OnPolicySettings settings,
        LossScalars scalars,
        Tensor logits,
        Tensor values,
        Tensor actions,
        Tensor oldLogProbabilities,
        Tensor preparedAdvantages,
        Tensor returns,
        Tensor? weights,
        long trained)
    {
        // The count as a tensor, not a scalar: a scalar converted here would be one nothing holds (see HeldScalars).
        var count = Count(trained, logits);
        Tensor Mean(Tensor x) => (weights is null ? x.sum() : x.mul(weights).sum()).div(count);
        var logProbabilitiesAll = nn.functional.log_softmax(logits, -1);
        var logProbabilities = logProbabilitiesAll.gather(1, actions.unsqueeze(1)).squeeze(1);
        var entropy = -Mean((logProbabilitiesAll.exp() * logProbabilitiesAll).sum(-1));
        var policyLoss = settings.Objective switch
        {
            PolicyObjective.ClippedSurrogate => -Mean(SurrogateTerms(logProbabilities, oldLogProbabilities, preparedAdvantages, scalars)),
            _ => -Mean(logProbabilities * preparedAdvantages),
        };
        var valueLoss = Mean(values.sub(returns).pow(scalars.Two)).mul(scalars.Half);
        // add with an explicit alpha: its one-argument form converts 1 to a scalar nothing holds (see HeldScalars).
        return policyLoss.add(valueLoss, scalars.ValueCoef).add(entropy, scalars.NegativeEntropy);
    }

    private static Tensor Count(long count, Tensor onDeviceOf) => tensor((float)count, device: onDeviceOf.device);

    private static Tensor SurrogateTerms(Tensor logProbabilities, Tensor oldLogProbabilities, Tensor advantages, LossScalars scalars)
    {
        var ratio = logProbabilities.sub(oldLogProbabilities).exp();
        return minimum(ratio * advantages, ratio.clamp(scalars.ClipLow, scalars.ClipHigh) * advantages);
    }
}
