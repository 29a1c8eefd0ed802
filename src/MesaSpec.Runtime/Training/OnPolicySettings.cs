using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;
using MesaSpec.Language.Catalogue;
using MesaSpec.Runtime.Catalogue;

namespace MesaSpec.Runtime.Training;

/// <summary>The two on-policy losses: PPO's clipped surrogate, or A2C's plain policy gradient.</summary>
public enum PolicyObjective { ClippedSurrogate, PolicyGradient }

/// <summary>Hyperparameters of an on-policy actor-critic run, read from a <c>ppo(...)</c> or <c>a2c(...)</c> call.</summary>
public sealed record OnPolicySettings(
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

    /// <summary>The settings a spec's <c>using ALGORITHM(...)</c> call asks for, through its registry entry.</summary>
    public static OnPolicySettings From(ComponentModel algorithm) =>
        RuntimeComponents.Build<IAlgorithmComponent, OnPolicySettings>(algorithm, ComponentKind.Algorithm, (entry, arguments) => entry.Settings(arguments));

    /// <summary>
    /// The settings every on-policy actor-critic shares, read under the built-ins' parameter names; the budget
    /// is whatever parameter the descriptor declares as its budget.
    /// </summary>
    internal static (long Steps, int Envs, int Rollout, double LearningRate, double Gamma, double Lambda, double Entropy, double ValueCoef, double MaxGradNorm) Common(ComponentArguments a)
    {
        var budget = a.Descriptor.Budget ?? throw new InvalidOperationException($"algorithm '{a.Name}' declares no budget parameter");
        var envs = a.PositiveInt("envs");
        var rollout = a.PositiveInt("rollout");
        if ((long)envs * rollout > int.MaxValue / 64)
        {
            throw a.Invalid("rollout", rollout, $"times envs ({envs}) makes a rollout too large to hold");
        }
        return (a.PositiveInt(budget), envs, rollout, a.PositiveFloat("lr"), a.UnitFloat("gamma"), a.UnitFloat("lambda"),
            a.NonNegativeFloat("entropy"), a.NonNegativeFloat("value_coef"), a.PositiveFloat("max_grad_norm"));
    }
}

/// <summary>A <c>using name(...)</c> algorithm component: the hyperparameters of an on-policy actor-critic run.</summary>
public interface IAlgorithmComponent : IComponentEntry
{
    /// <summary>Throws <see cref="ComponentArgumentException"/> for arguments it cannot use.</summary>
    OnPolicySettings Settings(ComponentArguments arguments);
}

/// <summary><c>ppo(...)</c>: the registry entry pairing the descriptor with the clipped-surrogate settings.</summary>
public sealed class PpoAlgorithm : IAlgorithmComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Ppo;

    public OnPolicySettings Settings(ComponentArguments a)
    {
        var c = OnPolicySettings.Common(a);
        return new OnPolicySettings(
            Descriptor.Name, PolicyObjective.ClippedSurrogate, c.Steps, c.Envs, c.Rollout,
            a.PositiveInt("epochs"),
            a.RangeChecked("minibatches", a.PositiveInt("minibatches"), m => m <= c.Envs * c.Rollout, $"must not exceed envs x rollout ({c.Envs * c.Rollout})"),
            c.LearningRate, c.Gamma, c.Lambda,
            a.UnitFloat("clip"),
            c.Entropy, c.ValueCoef, c.MaxGradNorm,
            NormaliseAdvantages: true);
    }
}

/// <summary><c>a2c(...)</c>: the registry entry pairing the descriptor with the plain policy-gradient settings.</summary>
public sealed class A2cAlgorithm : IAlgorithmComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.A2c;

    public OnPolicySettings Settings(ComponentArguments a)
    {
        var c = OnPolicySettings.Common(a);
        return new OnPolicySettings(
            Descriptor.Name, PolicyObjective.PolicyGradient, c.Steps, c.Envs, c.Rollout,
            Epochs: 1, Minibatches: 1,
            c.LearningRate, c.Gamma, c.Lambda,
            Clip: 0, c.Entropy, c.ValueCoef, c.MaxGradNorm,
            NormaliseAdvantages: false);
    }
}
