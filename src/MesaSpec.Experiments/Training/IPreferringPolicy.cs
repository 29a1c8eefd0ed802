using MesaSpec.Gridworld;

namespace MesaSpec.Experiments.Training;

/// <summary>
/// A policy that can say how it would act in each episode's current state without acting: its action
/// distribution and its own estimate of the state's value. No randomness consumed, no state changed, so asking
/// never moves an evaluation's numbers. Reports draw these as vector fields and value maps (procgen-tools style).
/// </summary>
public interface IPreferringPolicy
{
    /// <summary>
    /// Writes each episode's action probabilities (<c>Count x ActionCount</c> floats, episode-major) and its value
    /// estimate (<c>Count</c> floats, in the training objective's discounted return).
    /// </summary>
    void Preferences(IVectorEnvironment environment, Span<float> probabilities, Span<float> values);
}
