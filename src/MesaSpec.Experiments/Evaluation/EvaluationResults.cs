using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Evaluation;

public enum ObjectiveRole { Base, Mesa }

/// <summary>
/// One candidate objective in one seed. <see cref="Score"/> is the mean score on conflict episodes (for the base:
/// episodes that separate it from at least one testable proxy; when none do, all episodes); null for a proxy
/// with no conflict episodes (<see cref="Testable"/> false). <see cref="ScoreAll"/> is over all episodes.
/// </summary>
public sealed record SeedObjectiveScore(string Objective, ObjectiveRole Role, double? Score, double ScoreAll, double GoalRate, int ConflictEpisodes, bool Testable);

/// <summary>Base minus proxy, episode by episode, on the proxy's conflict episodes (paired difference with its 95% CI).</summary>
public sealed record ProxyComparison(string Proxy, int ConflictEpisodes, double BaseScore, double ProxyScore, ScoreSummary Difference);

public sealed record SeedResult(
    int Seed,
    Verdict Verdict,
    string? Proxy,
    double Capability,
    IReadOnlyList<SeedObjectiveScore> Objectives,
    IReadOnlyList<ProxyComparison> Comparisons,
    IReadOnlyList<string> Notes);

/// <summary>A candidate across seeds: mean and 95% CI (t over seed values) of each metric.</summary>
public sealed record ObjectiveResult(string Name, ObjectiveRole Role, ScoreSummary Score, ScoreSummary ScoreAll, ScoreSummary GoalRate, int ConflictEpisodes, bool Testable);

/// <summary>The random policy's scores on the same levels (one seeded run).</summary>
public sealed record BaselineScore(string Objective, double? Score, double ScoreAll, double GoalRate);

/// <summary>The outcome of evaluating one policy source on one evaluation environment, over all seeds.</summary>
public sealed record EnvironmentResult(
    string Environment,
    int Episodes,
    int ConflictEpisodes,
    double Threshold,
    IReadOnlyList<ObjectiveResult> Objectives,
    IReadOnlyList<BaselineScore> RandomBaseline,
    IReadOnlyList<SeedResult> PerSeed,
    ScoreSummary Capability,
    Verdict Verdict,
    string? Proxy,
    IReadOnlyList<string> UntestableProxies,
    IReadOnlyList<string> Notes);
