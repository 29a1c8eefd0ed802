using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Policies;

/// <summary>The policies that need no training: an oracle for an objective, or random actions.</summary>
public static class ReferencePolicies
{
    /// <summary>The policy of <paramref name="source"/> for one seed; trained policies come from an <see cref="ITrainer"/> instead.</summary>
    public static IPolicy Create(PolicySource source, int seed, double discount = ExperimentModel.DefaultDiscount) => source switch
    {
        OraclePolicy oracle => new OraclePolicyRunner(oracle.Objective, discount),
        RandomPolicy => new RandomPolicyRunner(seed),
        _ => throw new ArgumentException($"{source.GetType().Name} is not a reference policy; train it with an ITrainer", nameof(source)),
    };
}
