using MesaSpec.Experiments.Running;
namespace MesaSpec.Experiments.Reports;

/// <summary>
/// The outcome of one <c>mesaspec run</c>: what report.json holds (docs/report-format.md documents
/// every field). Written after every completed seed, so an interrupted run keeps what it finished;
/// <see cref="Status"/> says whether it is complete.
/// </summary>
public sealed record RunReport
{
    /// <summary>2: discounted scores, per-seed levels, bootstrap intervals, the experiment-level verdict, indistinguishable.</summary>
    public const int CurrentSchemaVersion = 2;

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

    /// <summary>
    /// The evaluations of the first (or only) point, the shape most readers want: verdicts, scores and explanations,
    /// without the evidence behind the pictures (behaviour samples, end and visit maps, recorded episodes), which
    /// <c>points[0]</c> holds once; a second copy of it would make report.json nearly twice its size.
    /// </summary>
    public IReadOnlyList<EvaluationReport> Evaluations => Points.Count > 0
        ? Points[0].Evaluations.Select(e => e with { Samples = [], EndMap = null, VisitMaps = null, RecordedEpisodes = null }).ToList()
        : [];

    public required IReadOnlyList<ExpectationResult> Expectations { get; init; }

    /// <summary>
    /// The experiment-level verdict over every evaluation environment (Hubinger et al.'s definitions): the
    /// verdict of the only point, or of every point when a sweep's points agree; null when they differ
    /// (each <see cref="SweepPoint.Verdict"/> then says its own).
    /// </summary>
    public string? Verdict { get; init; }

    /// <summary>The proxy pursued, when <see cref="Verdict"/> is pseudo_aligned.</summary>
    public string? Proxy { get; init; }

    /// <summary>The reference learner the model implements, when <see cref="Verdict"/> is mesa_optimizer (experiments on tasks only).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = TaskReportJson.OnlyForTasks)]
    public string? Learner { get; init; }

    /// <summary>"goal" (competent under shift, pursuing a proxy), "capability" (competent in training, not under shift) or "none".</summary>
    public string? Misgeneralisation { get; init; }

    /// <summary>Why the experiment-level verdict, in words.</summary>
    public string? VerdictExplanation { get; init; }

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

    /// <summary>The experiment-level verdict at this point (robustly_aligned, pseudo_aligned, capability_failure, indistinguishable, inconclusive).</summary>
    public string? Verdict { get; init; }

    public string? Proxy { get; init; }

    /// <summary>goal, capability or none.</summary>
    public string? Misgeneralisation { get; init; }

    public string? Explanation { get; init; }

    /// <summary>The reference learner the model implements, when <see cref="Verdict"/> is mesa_optimizer (experiments on tasks only).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = TaskReportJson.OnlyForTasks)]
    public string? Learner { get; init; }

    /// <summary>The linear probes of the model on every evaluation environment; absent without probes or layers to read.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ProbeReport>? Probes { get; init; }

    /// <summary>The steering of the model with probe directions; absent without steering.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SteeringReport>? Steering { get; init; }

    /// <summary>The evaluation tasks of an experiment trained on a task; absent for environments.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = TaskReportJson.OnlyForTasks)]
    public IReadOnlyList<TaskEvaluationReport>? Tasks { get; init; }
}

/// <summary>How one seed's model trained. Absent for reference policies (oracle, random).</summary>
public sealed record TrainingReport(
    int Seed,
    long Steps,
    double StepsPerSecond,
    double Seconds,
    string? Checkpoint,
    IReadOnlyList<CurvePoint> LearningCurve)
{
    /// <summary>
    /// Every training phase in order, when training had several, a mixture or a phase objective; absent for one phase on
    /// one environment under the base objective (the rest of this record says it all) and on experiments trained on a task.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PhaseReport>? Phases { get; init; }

    /// <summary>The checkpoint the model started from (<c>mesaspec run --resume-from</c>); absent when it started fresh.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ResumedFrom { get; init; }

    /// <summary>
    /// The sweep point (0-based) whose training this seed's model is, when this point evaluates a model trained
    /// there instead of training its own (the points' training lines do not depend on the swept parameter); the
    /// rest of the record is that training's. Absent when the model was trained for this point.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? TrainedAtPoint { get; init; }

    /// <summary>
    /// The model evaluated on every evaluation environment at regular points of training (<c>mesaspec run
    /// --scores-every STEPS</c>): when a proxy takes over shows as the step where its score passes the base
    /// objective's. Absent when not asked for.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TrainingScorePoint>? ScoresOverTraining { get; init; }
}

public sealed record CurvePoint(long Step, double MeanReturn);

/// <summary>
/// The model after <see cref="Step"/> training steps on one evaluation environment: each candidate's mean score over
/// the episodes that score it (<c>score_all</c>, null where none does), on the environment's evaluation levels.
/// </summary>
public sealed record TrainingScorePoint(long Step, string Environment, IReadOnlyList<ObjectiveScoreAt> Objectives);

public sealed record ObjectiveScoreAt(string Name, double? ScoreAll);

/// <summary>
/// One training phase of one seed: what it trained on (<c>Maze</c>, or <c>mix(Maze: 0.99, MazeAnywhere: 0.01)</c> with
/// the normalised shares), the objective it rewarded, its algorithm and steps, and the weights it left.
/// </summary>
public sealed record PhaseReport(int Phase, string Distribution, string Objective, string Algorithm, long Steps, string? Checkpoint)
{
    /// <summary>How the phase chose its levels (<c>curriculum plr(...)</c>) and what it did; absent for domain randomisation.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public CurriculumReport? Curriculum { get; init; }
}

/// <summary>
/// A phase's curriculum: its component and arguments (as written in values), and what it did in this seed's phase
/// (<see cref="Gridworld.Curricula.CurriculumSummary"/>: episodes, replays, the planner's work, the regrets).
/// </summary>
public sealed record CurriculumReport(string Name, IReadOnlyDictionary<string, string> Parameters, Gridworld.Curricula.CurriculumSummary Statistics);

/// <summary>
/// A mean with its 95% confidence interval (percentile bootstrap over seeds, then levels within seeds; it stays
/// inside the values' range), from <see cref="Count"/> values on <see cref="Levels"/> distinct levels over
/// <see cref="Seeds"/> seeds; the interval is null when fewer than two levels could be resampled.
/// <see cref="SeedVariance"/>: variance of the seed means; <see cref="LevelVariance"/>: mean within-seed variance of level means.
/// </summary>
public sealed record Estimate(double? Mean, double? CiLow, double? CiHigh, int Count, int Levels = 0, int Seeds = 0,
    double? SeedVariance = null, double? LevelVariance = null);

/// <summary>The verdict and scores on one evaluation environment, across seeds.</summary>
public sealed record EvaluationReport
{
    public required string Environment { get; init; }

    /// <summary>robustly_aligned, pseudo_aligned, indistinguishable, capability_failure or inconclusive.</summary>
    /// <summary>
    /// <c>[y][x]</c>: how many evaluation episodes, over every seed, ended with the agent on that cell (the levels'
    /// walls differ, the grid does not); null when not recorded (older reports, environments of varying size).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int[]>? EndMap { get; init; }

    /// <summary>
    /// Per objective with a target, where the agent was relative to it over every step of every episode and seed
    /// (<see cref="VisitMap"/>); null when not recorded (older reports).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<VisitMap>? VisitMaps { get; init; }

    public required string Verdict { get; init; }

    /// <summary>The mesa objective pursued, when the verdict is pseudo_aligned.</summary>
    public string? Proxy { get; init; }

    /// <summary>Why, in words a researcher can check against the numbers.</summary>
    public required string Explanation { get; init; }

    /// <summary>Episodes per seed.</summary>
    public required int Episodes { get; init; }

    /// <summary>Distinct levels over all seeds (fewer than episodes x seeds on a finite level set).</summary>
    public int Levels { get; init; }

    /// <summary>The discount returns and optima were computed with.</summary>
    public double Discount { get; init; }

    public required double Threshold { get; init; }

    /// <summary>Proxies no level here separates from the base objective: not judged on this environment.</summary>
    public IReadOnlyList<string> Untestable { get; init; } = [];

    /// <summary>Capability: the best candidate's score over all its scored episodes.</summary>
    public required Estimate Capability { get; init; }

    public required IReadOnlyList<ObjectiveScore> Objectives { get; init; }

    /// <summary>The random policy's scores on the same levels.</summary>
    public required IReadOnlyList<ObjectiveScore> RandomBaseline { get; init; }

    public required IReadOnlyList<SeedEvaluation> PerSeed { get; init; }

    /// <summary>A few levels with the policy's behaviour on them, for reports and previews.</summary>
    public IReadOnlyList<BehaviourSample> Samples { get; init; } = [];

    /// <summary>
    /// The episodes kept for report.html's episode browser, per seed in the run's order (<see cref="Evaluation.EpisodeSample"/>):
    /// level and actions only, the frames are replayed when the page is written. Absent when none were kept.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Evaluation.RecordedEpisode>? RecordedEpisodes { get; init; }
}

/// <summary>
/// One candidate objective's scores. <see cref="Score"/> is on conflict episodes (those that separate the
/// candidates), <see cref="ScoreAll"/> on all episodes, <see cref="GoalRate"/> the fraction of episodes
/// in which its terminal goal was reached. <see cref="ConflictEpisodes"/> counts the episodes that separate
/// this mesa objective from the base objective (for the base: those that separate it from any proxy).
/// </summary>
public sealed record ObjectiveScore(string Name, string Role, Estimate Score, Estimate ScoreAll, Estimate GoalRate, int ConflictEpisodes)
{
    /// <summary>Policy minus random, level by level, over the scored episodes (absent on the random baseline's rows).</summary>
    public Estimate? GainOverRandom { get; init; }

    /// <summary>Pursued competently: significantly better than random and at least at the threshold.</summary>
    public bool Capable { get; init; }

    /// <summary>Episodes whose level scores this objective not at all (its optimal return there is 0).</summary>
    public int ExcludedEpisodes { get; init; }
}

public sealed record SeedEvaluation(int Seed, string Verdict, string? Proxy, double Capability, IReadOnlyList<SeedObjectiveScore> Objectives);

/// <summary>One seed's scores of one candidate: on conflict episodes (null without any), over all scored episodes, goal rate.</summary>
public sealed record SeedObjectiveScore(string Name, double? Score, double? ScoreAll, double GoalRate);

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
    bool Conflict)
{
    /// <summary>
    /// <c>[y][x]</c>: the policy's probability of each action with the agent placed on that free cell at the start of
    /// the episode (the vector field's weights; null for walls and item cells), rounded to <see cref="Precision"/>
    /// decimals. Null for policies that cannot say (reference policies) and in reports written before it existed.
    /// </summary>
    public IReadOnlyList<double[]?[]>? ActionProbabilities { get; init; }

    /// <summary><c>[y][x]</c>: the model's own value estimate there (its critic), same cells and rounding; null as above.</summary>
    public IReadOnlyList<double?[]>? Values { get; init; }

    /// <summary>Decimals kept of a probability or value: enough to draw and compare, small in report.json.</summary>
    public const int Precision = 3;

    /// <summary>
    /// Each candidate objective's target cells at the start of the episode (its region, or the cells of the items it
    /// names), in the candidates' order (the base objective first); candidates without a target are left out. Null
    /// in reports written before it existed.
    /// </summary>
    public IReadOnlyList<SampleTarget>? Targets { get; init; }

    /// <summary>
    /// Each candidate's best achievable return with the agent starting on each free cell, the level otherwise as it
    /// starts (the exact planner, under the base objective's episode rules and the evaluation's discount: jaxgmg's
    /// "value" and "proxy value" maps), in the candidates' order. Null when not computed: reports written before it
    /// existed, or a level too large to plan from every cell (<see cref="OptimalValuesOmitted"/> says why).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OptimalValueMap>? OptimalValues { get; init; }

    /// <summary>Why <see cref="OptimalValues"/> is absent for this level (its planning would be too large); null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? OptimalValuesOmitted { get; init; }
}

/// <summary>
/// <c>Values[y][x]</c>: the objective's optimal return from that free cell (null for walls and item cells), rounded to
/// <see cref="BehaviourSample.Precision"/> decimals.
/// </summary>
public sealed record OptimalValueMap(string Objective, IReadOnlyList<double?[]> Values);

/// <summary>The <c>[x, y]</c> cells an objective's goal points at on a sample level.</summary>
public sealed record SampleTarget(string Objective, IReadOnlyList<int[]> Cells);

/// <summary>One expectation's outcome; <see cref="Inconclusive"/>: the data cannot decide it (e.g. a trend from one seed), so it did not pass.</summary>
public sealed record ExpectationResult(string Text, int Line, bool Passed, string Detail)
{
    public bool Inconclusive { get; init; }
}

/// <summary>
/// The agent's visits by offset from an objective's target, row-major on a grid of <paramref name="Width"/>
/// (2w - 1 for levels w wide) columns: <c>Counts[(dy + h - 1) * Width + dx + w - 1]</c> counts the steps (and
/// episode ends) with the agent dx columns right of and dy rows below the nearest target cell; the centre is the
/// target itself. One flat array, so report.json holds it on one line.
/// </summary>
public sealed record VisitMap(string Objective, int Width, int[] Counts)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Height => Width == 0 ? 0 : Counts.Length / Width;

    public int this[int row, int column] => Counts[row * Width + column];
}
