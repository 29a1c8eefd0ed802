using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;
using MesaSpec.Language.Catalogue;
using MesaSpec.Runtime.Catalogue;
using MesaSpec.Runtime.Models;

namespace MesaSpec.Runtime.Training;

/// <summary>The two on-policy losses: PPO's clipped surrogate, or A2C's plain policy gradient.</summary>
internal enum PolicyObjective { ClippedSurrogate, PolicyGradient }

/// <summary>Hyperparameters of an on-policy actor-critic run, read from a <c>ppo(...)</c> or <c>a2c(...)</c> call.</summary>
internal sealed record OnPolicySettings(
    string Algorithm,
    PolicyObjective Objective,
    long Steps,
    int Envs,
    int Rollout,
    int Epochs,
    int Minibatches,
    double LearningRate,
    double Gamma,
    double Lambda,
    double Clip,
    double Entropy,
    double ValueCoef,
    double MaxGradNorm,
    bool NormaliseAdvantages)
{
    /// <summary>Environment steps gathered per update (all environments together).</summary>
    public int BatchSize => Envs * Rollout;

    /// <summary>Number of updates: enough rollouts to reach <see cref="Steps"/>, at least one.</summary>
    public long Updates => Math.Max(1, (Steps + BatchSize - 1) / BatchSize);

    public static OnPolicySettings From(ComponentModel algorithm)
    {
        var schema = RuntimeComponents.Find(algorithm.Name, ComponentKind.Algorithm)
            ?? throw new TrainingFailedException(
                $"{RuntimeErrors.UnknownComponent}: '{algorithm.Name}' is not an algorithm the runtime can run (known: {ActorCriticFactory.Known(ComponentKind.Algorithm)})");
        var a = new ComponentArguments(algorithm, schema);
        var envs = a.PositiveInt("envs");
        var rollout = a.PositiveInt("rollout");
        var common = (
            Steps: a.PositiveInt("steps"),
            LearningRate: a.PositiveFloat("lr"),
            Gamma: a.UnitFloat("gamma"),
            Lambda: a.UnitFloat("lambda"),
            Entropy: a.NonNegativeFloat("entropy"),
            ValueCoef: a.NonNegativeFloat("value_coef"),
            MaxGradNorm: a.PositiveFloat("max_grad_norm"));
        if ((long)envs * rollout > int.MaxValue / 64)
        {
            throw a.Invalid("rollout", rollout, $"times envs ({envs}) makes a rollout too large to hold");
        }
        return schema.Name switch
        {
            "ppo" => new OnPolicySettings(
                "ppo", PolicyObjective.ClippedSurrogate, common.Steps, envs, rollout,
                a.PositiveInt("epochs"),
                a.RangeChecked("minibatches", a.PositiveInt("minibatches"), m => m <= envs * rollout, $"must not exceed envs x rollout ({envs * rollout})"),
                common.LearningRate, common.Gamma, common.Lambda,
                a.RangeChecked("clip", a.Float("clip"), c => c > 0 && c < 1, "must lie strictly between 0 and 1"),
                common.Entropy, common.ValueCoef, common.MaxGradNorm,
                NormaliseAdvantages: true),
            "a2c" => new OnPolicySettings(
                "a2c", PolicyObjective.PolicyGradient, common.Steps, envs, rollout,
                Epochs: 1, Minibatches: 1,
                common.LearningRate, common.Gamma, common.Lambda,
                Clip: 0, common.Entropy, common.ValueCoef, common.MaxGradNorm,
                NormaliseAdvantages: false),
            _ => throw new InvalidOperationException($"algorithm '{schema.Name}' has a schema but no settings"),
        };
    }
}
