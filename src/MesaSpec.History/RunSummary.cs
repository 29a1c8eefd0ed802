using MesaSpec.Experiments.Running;
namespace MesaSpec.History;

/// <summary>
/// One line of <c>mesaspec runs list</c>. <see cref="Status"/> is as recorded, except that a run still
/// recorded as <c>running</c> whose process is gone reads as <c>interrupted</c> (killed, or the machine stopped).
/// <see cref="OutputDirectory"/> is where its report files are (the editor's history view opens them).
/// </summary>
public sealed record RunSummary(
    long Id,
    string Experiment,
    string SpecPath,
    string SpecSha256,
    string PolicySource,
    RunStatus Status,
    bool? Passed,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    double? DurationSeconds,
    string Verdicts,
    string? OutputDirectory);

/// <summary>Everything recorded about one run.</summary>
public sealed record StoredRun(
    RunSummary Summary,
    string SpecText,
    string EngineVersion,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<int> Seeds,
    string? OutputDirectory,
    string? StatusDetail,
    string Host,
    int ProcessId,
    IReadOnlyList<RunArtifact> Artifacts,
    Experiments.Reports.RunReport? Report)
{
    public long Id => Summary.Id;
}
