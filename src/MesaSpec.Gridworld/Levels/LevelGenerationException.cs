namespace MesaSpec.Gridworld.Levels;

/// <summary>
/// A level cannot be built from an environment: a spawn region with too few free cells, an unknown
/// wall generator, a layout that puts an item on a wall. <see cref="Subject"/> names the item kind,
/// "agent" or the wall generator; <see cref="Region"/> describes the region involved, when there is one.
/// </summary>
public sealed class LevelGenerationException(string environment, string subject, string? region, string message)
    : Exception(message)
{
    public string Environment { get; } = environment;

    public string Subject { get; } = subject;

    public string? Region { get; } = region;
}
