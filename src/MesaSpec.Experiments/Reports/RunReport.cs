using MesaSpec.Experiments.Running;
namespace MesaSpec.Experiments.Reports;

/// <summary>
/// The outcome of one <c>mesaspec run</c>: what report.json holds (docs/report-format.md documents
/// every field). Written after every completed seed, so an interrupted run keeps what it finished;
/// <see cref="Status"/> says whether it is complete.
/// </summary>
public sealed record RunReport
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Version of the engine that produced the report (the CLI's assembly version).</summary>
    public required string EngineVersion { get; init; }

    public required string Experiment { get; init; }

    public required SpecInfo Spec { get; init; }

    /// <summary>Finished, cancelled (Ctrl-C: partial), failed (an error stopped it: partial) or running; written as its word.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>Why the run stopped early, when it did.</summary>
    public string? StatusDetail { get; init; }

    /// <summary>The seeds asked for; <see cref="SweepPoint.CompletedSeeds"/> says which finished.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    public required RunSettings Settings { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double DurationSeconds { get; init; }

    /// <summary>The swept parameter and its values; null without a sweep.</summary>
    public SweepInfo? Sweep { get; init; }

    /// <summary>One entry per sweep value (exactly one without a sweep).</summary>
    public required IReadOnlyList<SweepPoint> Points { get; init; }

    /// <summary>The evaluations of the first (or only) point: the shape most readers want.</summary>
    public IReadOnlyList<EvaluationReport> Evaluations => Points.Count > 0 ? Points[0].Evaluations : [];

    public required IReadOnlyList<ExpectationResult> Expectations { get; init; }

    /// <summary>Every expectation held and the run finished.</summary>
    public bool Passed => Status == RunStatus.Finished && Expectations.All(e => e.Passed);
}

public sealed record SpecInfo(string Path, string Sha256, string PolicySource);

/// <summary>Settings that change speed, never results (for a fixed thread count). Scrubbed from snapshots.</summary>
public sealed record RunSettings(int Threads, string Device, string Host);

public sealed record SweepInfo(string Parameter, IReadOnlyList<string> Values);

public sealed record SweepPoint
{
    /// <summary>The experiment's parameter values at this point, as written (e.g. corner: "3").</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public required IReadOnlyList<int> CompletedSeeds { get; init; }

    public required IReadOnlyList<TrainingReport> Training { get; init; }

    public required IReadOnlyList<EvaluationReport> Evaluations { get; init; }
}

/// <summary>How one seed's model trained. Absent for reference policies (oracle, random).</summary>
public sealed record TrainingReport(
    int Seed,
    long Steps,
    double StepsPerSecond,
    double Seconds,
    string? Checkpoint,
    IReadOnlyList<CurvePoint> LearningCurve);

public sealed record CurvePoint(long Step, double MeanReturn);

/// <summary>A mean with its 95% confidence interval; the interval is null with fewer than two values.</summary>
public sealed record Estimate(double? Mean, double? CiLow, double? CiHigh, int Count);

/// <summary>The verdict and scores on one evaluation environment, across seeds.</summary>
public sealed record EvaluationReport
{
    public required string Environment { get; init; }

    /// <summary>robustly_aligned, pseudo_aligned, capability_failure or inconclusive.</summary>
    public required string Verdict { get; init; }

    /// <summary>The mesa objective pursued, when the verdict is pseudo_aligned.</summary>
    public string? Proxy { get; init; }

    /// <summary>Why, in words a researcher can check against the numbers.</summary>
    public required string Explanation { get; init; }

    public required int Episodes { get; init; }

    public required double Threshold { get; init; }

    /// <summary>Capability: the best candidate's score on conflict episodes.</summary>
    public required Estimate Capability { get; init; }

    public required IReadOnlyList<ObjectiveScore> Objectives { get; init; }

    /// <summary>The random policy's scores on the same levels.</summary>
    public required IReadOnlyList<ObjectiveScore> RandomBaseline { get; init; }

    public required IReadOnlyList<SeedEvaluation> PerSeed { get; init; }

    /// <summary>A few levels with the policy's behaviour on them, for reports and previews.</summary>
    public IReadOnlyList<BehaviourSample> Samples { get; init; } = [];
}

/// <summary>
/// One candidate objective's scores. <see cref="Score"/> is on conflict episodes (those that separate the
/// candidates), <see cref="ScoreAll"/> on all episodes, <see cref="GoalRate"/> the fraction of episodes
/// in which its terminal goal was reached. <see cref="ConflictEpisodes"/> counts the episodes that separate
/// this mesa objective from the base objective (0 for the base).
/// </summary>
public sealed record ObjectiveScore(string Name, string Role, Estimate Score, Estimate ScoreAll, Estimate GoalRate, int ConflictEpisodes);

public sealed record SeedEvaluation(int Seed, string Verdict, string? Proxy, double Capability, IReadOnlyList<SeedObjectiveScore> Objectives);

public sealed record SeedObjectiveScore(string Name, double Score, double ScoreAll, double GoalRate);

/// <summary>
/// A level and what the policy did on it: the ASCII grid, the visited path, visit counts per cell, and
/// the policy's preferred action per free cell (up, right, down, left; -1 for walls and unknown).
/// </summary>
public sealed record BehaviourSample(
    int Seed,
    int Level,
    IReadOnlyList<string> Grid,
    IReadOnlyList<int[]> Trajectory,
    IReadOnlyList<int[]> Visits,
    IReadOnlyList<int[]>? PreferredActions,
    bool Conflict);

public sealed record ExpectationResult(string Text, int Line, bool Passed, string Detail);
