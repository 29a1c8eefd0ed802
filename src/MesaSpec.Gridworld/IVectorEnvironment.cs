namespace MesaSpec.Gridworld;

/// <summary>Shape of one observation, channels-first (what a CNN consumes); a flat view has <see cref="Size"/> floats.</summary>
public readonly record struct ObservationShape(int Channels, int Height, int Width)
{
    public int Size => Channels * Height * Width;
}

/// <summary>
/// <see cref="Count"/> independent episodes stepped together. Finished episodes reset themselves
/// automatically on the step that ends them (the observation after that step is the new episode's first).
/// Implementations must not allocate per step.
/// </summary>
public interface IVectorEnvironment
{
    int Count { get; }

    ObservationShape ObservationShape { get; }

    /// <summary>Actions are 0..ActionCount-1 (up, right, down, left).</summary>
    int ActionCount { get; }

    /// <summary>
    /// Steps taken so far in the slot's current episode: 0 when its observation is the episode's first. The
    /// episode-start signal of a policy with memory (it resets the slot's state there), also across the automatic
    /// reset on the step that ends an episode.
    /// </summary>
    int StepIndex(int slot);

    /// <summary>
    /// Whether a trainer should learn from the slot's current episode: false for the episodes a robust curriculum only
    /// scores (PLR⊥ learns from replayed levels alone). Every episode is learnt from unless an environment says otherwise.
    /// </summary>
    bool TrainsOn(int slot) => true;

    /// <summary>Writes <see cref="Count"/> x <see cref="ObservationShape"/>.Size floats.</summary>
    void Observe(Span<float> destination);

    /// <summary>
    /// Advances every episode by one action. <paramref name="rewards"/> are under the training (base) objective;
    /// <paramref name="dones"/> mark episodes that ended on this step (terminal or horizon);
    /// <paramref name="truncated"/> marks those that ended by the horizon only (for bootstrapping).
    /// </summary>
    void Step(ReadOnlySpan<int> actions, Span<float> rewards, Span<bool> dones, Span<bool> truncated);
}
