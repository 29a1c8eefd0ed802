using MesaSpec.Testing.Comparison;
using MesaSpec.Testing.Snapshots;

namespace MesaSpec.Testing.Running;

/// <summary>How the snapshot of one experiment compared.</summary>
public enum SnapshotStatus
{
    /// <summary>Matches the verified snapshot (within tolerance); the verified file was not touched.</summary>
    Matched,

    /// <summary>Differs from the verified snapshot; the received file was written.</summary>
    Changed,

    /// <summary>No verified snapshot yet; the received file was written.</summary>
    New,

    /// <summary>Changed or new, and accepted: the received snapshot is now the verified one.</summary>
    Accepted,

    /// <summary>The run did not finish (training diverged, a level could not be generated); nothing was written.</summary>
    RunFailed,

    /// <summary>
    /// The verified snapshot cannot be compared with: not JSON (the received file was written; --accept replaces
    /// it), or written by a newer mesaspec (nothing was written, even with --accept). <see cref="ExperimentOutcome.Error"/> says which.
    /// </summary>
    VerifiedUnusable,
}

/// <summary>
/// The result of testing one experiment: the snapshot's status, whether it came from the cache, the
/// differences and their readable diff, the expectations that failed, and the files involved.
/// </summary>
public sealed record ExperimentOutcome
{
    public required string SpecPath { get; init; }

    public required string Experiment { get; init; }

    public string? Variant { get; init; }

    public required SnapshotStatus Status { get; init; }

    public required SnapshotFiles Files { get; init; }

    public bool Cached { get; init; }

    public TimeSpan Duration { get; init; }

    public IReadOnlyList<SnapshotDifference> Differences { get; init; } = [];

    /// <summary>The readable diff for <see cref="SnapshotStatus.Changed"/> (and a changed snapshot that was accepted).</summary>
    public string? Diff { get; init; }

    /// <summary>"line 31: expect on MazeAnywhere: pseudo_aligned(GoToCorner) (verdict robustly_aligned)".</summary>
    public IReadOnlyList<string> FailedExpectations { get; init; } = [];

    /// <summary>Why the run failed (<see cref="SnapshotStatus.RunFailed"/>) or the verified snapshot cannot be used (<see cref="SnapshotStatus.VerifiedUnusable"/>).</summary>
    public string? Error { get; init; }

    public bool Passed => Status is SnapshotStatus.Matched or SnapshotStatus.Accepted && FailedExpectations.Count == 0;

    /// <summary>One line: what happened, without the diff.</summary>
    public string Summary => Status switch
    {
        SnapshotStatus.Matched when FailedExpectations.Count == 0 => "snapshot matches",
        SnapshotStatus.Matched => $"snapshot matches, {Count(FailedExpectations.Count, "expectation")} failed",
        SnapshotStatus.Changed => $"snapshot changed ({Count(Differences.Count, "difference")}), wrote {Path.GetFileName(Files.Received)}",
        SnapshotStatus.New => $"new snapshot, wrote {Path.GetFileName(Files.Received)}",
        SnapshotStatus.Accepted => $"accepted into {Path.GetFileName(Files.Verified)}"
            + (FailedExpectations.Count > 0 ? $", {Count(FailedExpectations.Count, "expectation")} failed" : ""),
        SnapshotStatus.VerifiedUnusable => $"verified snapshot unusable: {Error}",
        _ => $"run failed: {Error}",
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
