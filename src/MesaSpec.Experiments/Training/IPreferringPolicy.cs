using MesaSpec.Gridworld;

namespace MesaSpec.Experiments.Training;

/// <summary>
/// A policy that can say which action it prefers in each episode's current state (its most probable action)
/// without acting: no randomness consumed, no state changed. Reports draw these as vector fields.
/// </summary>
public interface IPreferringPolicy
{
    void PreferredActions(IVectorEnvironment environment, Span<int> actions);
}
