namespace MesaSpec.Cli.Cluster;

/// <summary>How a distributed run asks its scheduler for resources; null means the scheduler's default.</summary>
public sealed record ClusterOptions(string? Partition, int? ArrayParallelism, string? Time, int? CpusPerTask, IReadOnlyList<string> ExtraArguments);

/// <summary>
/// A scheduler that runs a run folder's tasks somewhere else (Slurm today; Kubernetes Indexed Jobs or Ray could
/// be others). It only submits, reports which tasks it still holds, and cancels: the tasks themselves write
/// their outcomes to the run folder, which stays the single record of what finished.
/// </summary>
public interface IClusterBackend
{
    /// <summary>"slurm": the value of <c>--on</c> and of the run folder's <c>cluster.json</c>.</summary>
    string Name { get; }

    /// <summary>Submits <paramref name="indices"/> as one array job and returns its id at once. Throws <see cref="ClusterBackendException"/>.</summary>
    string Submit(RunFolder folder, IReadOnlyList<int> indices, ClusterOptions options);

    /// <summary>The tasks of the run the scheduler still holds (pending or running). Throws <see cref="ClusterBackendException"/>.</summary>
    IReadOnlyDictionary<int, TaskState> Queued(RunFolder folder);

    /// <summary>Cancels every task of the run the scheduler still holds.</summary>
    void Cancel(RunFolder folder);
}

/// <summary>The scheduler refused or could not be reached; the message quotes its reason.</summary>
public sealed class ClusterBackendException(string message) : Exception(message);

/// <summary>The backends <c>--on</c> knows, by name: the one place a new backend is added.</summary>
public static class ClusterBackends
{
    public static IReadOnlyList<IClusterBackend> All { get; } = [new SlurmBackend()];

    public static IClusterBackend? Find(string name) => All.FirstOrDefault(b => b.Name == name);
}
