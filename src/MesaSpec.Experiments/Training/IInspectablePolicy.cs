using MesaSpec.Gridworld;

namespace MesaSpec.Experiments.Training;

/// <summary>
/// A policy whose trunk layers can be read and shifted (a model, not a planner): probes read the activations of a
/// layer while the policy acts, steering adds a vector to a layer. Layers are numbered from 1, in forward order.
/// </summary>
public interface IInspectablePolicy : IPolicy
{
    /// <summary>How many trunk layers can be read (what <c>at layer K</c> may name).</summary>
    int Layers { get; }

    /// <summary>
    /// Acts exactly as <see cref="IPolicy.Act"/> does and returns, per requested layer, that layer's activations of
    /// every episode (row-major: episode e's units at <c>[e * width, (e + 1) * width)</c>).
    /// </summary>
    IReadOnlyList<float[]> ActAndRead(IVectorEnvironment environment, Span<int> actions, IReadOnlyList<int> layers);

    /// <summary>Adds <paramref name="shift"/> (one value per unit) to the layer's activations in every forward pass until the handle is disposed.</summary>
    IDisposable Steer(int layer, float[] shift);

    /// <summary>Restarts the stream actions are sampled from, so two evaluations of the same levels draw the same random numbers.</summary>
    void RestartSampling();
}
