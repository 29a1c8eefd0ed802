namespace MesaSpec.Gridworld.Randomness;

/// <summary>
/// A <see cref="DeterministicRandom"/> behind <see cref="Language.Catalogue.IRandomSource"/>, so wall generators
/// (plugins included) draw from the level's stream; the caller copies <see cref="State"/> in and out so the
/// draws that follow continue the same stream.
/// </summary>
internal sealed class RandomSource : Language.Catalogue.IRandomSource
{
    public DeterministicRandom State;

    public int NextInt(int bound) => State.NextInt(bound);

    public double NextDouble() => State.NextDouble();
}
