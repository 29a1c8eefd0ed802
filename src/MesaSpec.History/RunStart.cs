namespace MesaSpec.History;

/// <summary>What is known about a run before it does anything: enough to reproduce it.</summary>
public sealed record RunStart(
    string Experiment,
    string SpecPath,
    string SpecText,
    string SpecSha256,
    string PolicySource,
    string EngineVersion,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<int> Seeds,
    string? OutputDirectory);

/// <summary>A file a run produced: a report, a checkpoint.</summary>
public sealed record RunArtifact(string Kind, string Path);
