using MesaSpec.Gridworld.Randomness;

namespace MesaSpec.Gridworld.Dynamics;

/// <summary>Uniformly random actions from a seeded stream (the random-policy baseline).</summary>
public sealed class RandomActions(long seed)
{
    private DeterministicRandom random = DeterministicRandom.For(seed, 0, 0x7A1E_0005_0000_0005UL);

    public void Fill(Span<int> actions)
    {
        for (var i = 0; i < actions.Length; i++)
        {
            actions[i] = random.NextInt(GridRules.ActionCount);
        }
    }
}
