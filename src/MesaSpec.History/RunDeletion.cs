namespace MesaSpec.History;

/// <summary>What <see cref="RunStore.Delete"/> did.</summary>
public enum RunDeletion
{
    Deleted,
    NotFound,
    StillRunning,
}
