namespace MesaSpec.Language.Model;

/// <summary>
/// The memory this process may use, read once: it does not change while a process runs, and asking the GC takes a lock
/// and a copy of its statistics. The binder's model-memory check and the planner's budget both size themselves by it.
/// </summary>
public static class MachineMemory
{
    private static readonly Lazy<long> Available = new(() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>The bytes the runtime may use (the machine's memory, or the container's limit).</summary>
    public static long AvailableBytes => Available.Value;
}
