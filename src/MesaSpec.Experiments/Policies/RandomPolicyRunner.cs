using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Gridworld.Dynamics;

namespace MesaSpec.Experiments.Policies;

/// <summary>Uniformly random actions from a seeded stream: the baseline every score is compared with.</summary>
public sealed class RandomPolicyRunner(long seed) : IPolicy
{
    private readonly RandomActions random = new(seed);

    public void Act(IVectorEnvironment environment, Span<int> actions) => random.Fill(actions[..environment.Count]);
}
