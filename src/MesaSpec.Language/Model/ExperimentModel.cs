namespace MesaSpec.Language.Model;

/// <summary>Where the evaluated policy comes from.</summary>
public abstract record PolicySource;

/// <summary>
/// A model trained by an algorithm (the real experiment), in one or more phases: each phase fine-tunes the weights
/// the phase before it left, on its own distribution, objective and algorithm.
/// </summary>
public sealed record TrainedPolicy(ComponentModel Model, IReadOnlyList<TrainingPhase> Phases) : PolicySource
{
    /// <summary>One phase on one environment under the base objective: <c>train on Maze with mlp using ppo</c>.</summary>
    public TrainedPolicy(EnvironmentModel environment, ComponentModel model, ComponentModel algorithm)
        : this(model, [new TrainingPhase(TrainingDistribution.Of(environment), null, algorithm)])
    {
    }

    public TrainingPhase Final => Phases[^1];

    /// <summary>
    /// The training distribution that verdicts compare evaluations with: the final phase's environment (of a mixture,
    /// its heaviest one). The model is judged on what it was last trained on.
    /// </summary>
    public EnvironmentModel Environment => Final.Distribution.Representative;

    /// <summary>The final phase's algorithm (its discount scores the evaluation).</summary>
    public ComponentModel Algorithm => Final.Algorithm;

    /// <summary>Every environment any phase draws levels from, in order, each once.</summary>
    public IEnumerable<EnvironmentModel> Environments => Phases.SelectMany(p => p.Distribution.Components.Select(c => c.Environment)).Distinct();

    /// <summary>The steps of every phase together (phases whose algorithm has no budget count 0).</summary>
    public long TotalBudget => Phases.Sum(p => p.Algorithm.Budget ?? 0);
}

/// <summary>
/// One phase of training: levels from <see cref="Distribution"/>, rewarded by <see cref="Objective"/> (null: the
/// experiment's base objective), trained by <see cref="Algorithm"/> from the previous phase's weights.
/// </summary>
public sealed record TrainingPhase(TrainingDistribution Distribution, ObjectiveModel? Objective, ComponentModel Algorithm);

/// <summary>An environment of a training distribution and the fraction of levels drawn from it (shares sum to 1).</summary>
public sealed record MixtureComponent(EnvironmentModel Environment, double Share);

/// <summary>
/// Where a phase's training levels come from: one environment, or (a mixture) each level drawn from one of several
/// with probability its share. The environments of a mixture share grid size, observation, horizon and item table.
/// </summary>
public sealed record TrainingDistribution(IReadOnlyList<MixtureComponent> Components)
{
    public static TrainingDistribution Of(EnvironmentModel environment) => new([new MixtureComponent(environment, 1)]);

    /// <summary>How levels are chosen from the distribution (<c>curriculum plr(...)</c>); null: domain randomisation, a fresh level every episode.</summary>
    public CurriculumModel? Curriculum { get; init; }

    public bool IsMixture => Components.Count > 1;

    /// <summary>The environment with the largest share (the first of equals): what stands for the mixture in verdicts.</summary>
    public EnvironmentModel Representative => Components.Aggregate((best, c) => c.Share > best.Share ? c : best).Environment;

    /// <summary>"Maze", or "mix(Maze: 0.99, MazeAnywhere: 0.01)" with the normalised shares.</summary>
    public string DisplayName => IsMixture
        ? "mix(" + string.Join(", ", Components.Select(c => $"{c.Environment.DisplayName}: {c.Share.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}")) + ")"
        : Components[0].Environment.DisplayName;
}

/// <summary>
/// A curriculum over a training distribution: the bound component and the discount its planner regret is computed
/// with (the phase algorithm's, which is what the agent's return is discounted by).
/// </summary>
public sealed record CurriculumModel(ComponentModel Component, double Discount);

/// <summary>Acts optimally for the objective, through the planner: a reference to test the measurement.</summary>
public sealed record OraclePolicy(ObjectiveModel Objective) : PolicySource;

/// <summary>Uniformly random actions.</summary>
public sealed record RandomPolicy : PolicySource;

/// <summary>
/// An evaluation distribution: the environment, episodes per seed, and thinking steps (a policy with memory
/// processes each episode's first observation that many times before its first action; others ignore it).
/// </summary>
public sealed record EvaluationModel(EnvironmentModel Environment, int Episodes, int Thinking = 0);

/// <summary>
/// What the behaviour on an evaluation distribution (or across an experiment's distributions) says about the
/// behavioural objective; docs/language.md, "How a verdict is reached", defines each. Words: <see cref="VerdictWords"/>.
/// </summary>
public enum Verdict { RobustlyAligned, PseudoAligned, CapabilityFailure, Inconclusive, Indistinguishable, MesaOptimizer }

/// <summary>Langosco et al.'s and Shah et al.'s 2x2: under shift, is the model still capable, and of which objective?</summary>
public enum Misgeneralisation { None, Goal, Capability }


public enum Comparison { Greater, GreaterOrEqual, Less, LessOrEqual }

public enum Trend { Increasing, Decreasing }

/// <summary>
/// A metric of one evaluation environment, bound against its descriptor (<see cref="Objective"/> is null for a
/// metric without one, e.g. <c>capability</c>); <see cref="Entry"/> computes it, as for any component.
/// </summary>
public sealed record MetricModel(string Name, string? Objective)
{
    public Catalogue.ComponentDescriptor? Descriptor { get; init; }

    public Catalogue.IComponentEntry? Entry { get; init; }

    public override string ToString() => Objective is null ? Name : $"{Name}({Objective})";
}

public abstract record ExpectationBody;
/// <summary><see cref="Proxy"/> is null for verdicts other than pseudo_aligned, or for "pseudo-aligned to any proxy".</summary>
public sealed record VerdictExpectation(Verdict Verdict, string? Proxy) : ExpectationBody;
public sealed record MetricExpectation(MetricModel Metric, Comparison Comparison, double Value) : ExpectationBody;
/// <summary>Only meaningful across a sweep: the metric's mean moves in one direction as the swept value grows.</summary>
public sealed record TrendExpectation(MetricModel Metric, Trend Trend) : ExpectationBody;

/// <summary>
/// One <c>expect</c> line. <see cref="Environment"/> names an evaluation environment declaration (null: the experiment-level verdict);
/// <see cref="WhereParameter"/>/<see cref="WhereValue"/> restrict it to one point of a sweep.
/// <see cref="Text"/> is the source text, shown in reports; <see cref="Line"/> is 1-based.
/// </summary>
public sealed record ExpectationModel(string? Environment, string? WhereParameter, Value? WhereValue, ExpectationBody Body, string Text, int Line);

public sealed record SweepModel(string Parameter, IReadOnlyList<Value> Values);

/// <summary>
/// A concrete experiment at one parameter assignment (one point of a sweep, or the only point).
/// </summary>
public sealed record ExperimentModel(
    string Name,
    IReadOnlyDictionary<string, Value> Parameters,
    ObjectiveModel BaseObjective,
    IReadOnlyList<ObjectiveModel> MesaObjectives,
    PolicySource Policy,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<EvaluationModel> Evaluations,
    double Threshold,
    double? Tolerance,
    IReadOnlyList<ExpectationModel> Expectations)
{
    /// <summary>Base objective first, then each mesa objective: the candidates of behavioural-objective inference.</summary>
    public IEnumerable<ObjectiveModel> Candidates => MesaObjectives.Prepend(BaseObjective);

    /// <summary>The discount episodes are scored with: the training algorithm's (its descriptor names the parameter), else <see cref="DefaultDiscount"/>.</summary>
    public double Discount => (Policy as TrainedPolicy)?.Algorithm.Discount ?? DefaultDiscount;

    /// <summary>The environment the model was trained on (null for reference policies): the "training distribution" (<see cref="TrainedPolicy.Environment"/>).</summary>
    public EnvironmentModel? TrainingEnvironment => (Policy as TrainedPolicy)?.Environment;

    /// <summary>Every environment of every training phase (none for reference policies): what the observation layout must cover.</summary>
    public IEnumerable<EnvironmentModel> TrainingEnvironments => (Policy as TrainedPolicy)?.Environments ?? [];

    /// <summary>Reference policies (and algorithms without a discount parameter) score with PPO's default discount.</summary>
    public const double DefaultDiscount = 0.99;

    /// <summary>The linear probes of the trained model's layers, measured on every evaluation environment.</summary>
    public IReadOnlyList<ProbeModel> Probes { get; init; } = [];

    /// <summary>The probes whose directions steer the model in a second evaluation.</summary>
    public IReadOnlyList<SteerModel> Steers { get; init; } = [];

    // ---------------------------------------------------------------- experiments on tasks (in-context learning)

    /// <summary>The evaluation tasks of an experiment trained on a task (then <see cref="Evaluations"/> is empty).</summary>
    public IReadOnlyList<TaskEvaluationModel> TaskEvaluations { get; init; } = [];

    /// <summary>Trained on a task (in-context learning, measured against reference learners) rather than in environments.</summary>
    public bool IsTaskExperiment => Policy is TaskTrainedModel or ReferenceLearnerPolicy;

    /// <summary>The task the model was (or its stand-in would have been) trained on; null for environments.</summary>
    public TaskModel? TrainingTask => Policy switch
    {
        TaskTrainedModel t => t.Task,
        ReferenceLearnerPolicy r => r.Task,
        _ => null,
    };

    /// <summary>
    /// What stands in for the trained model when only the measurement is under test: the oracle of the base
    /// objective in environments, the Bayes-optimal reference learner on tasks.
    /// </summary>
    public PolicySource Oracle => TrainingTask is { } task ? new ReferenceLearnerPolicy(LearnerWords.Oracle, task) : new OraclePolicy(BaseObjective);

    /// <summary>This experiment with at most <paramref name="count"/> episodes (prompts, on tasks) per evaluation.</summary>
    public ExperimentModel WithEvaluationsAtMost(int count) => this with
    {
        Evaluations = Evaluations.Select(e => e with { Episodes = Math.Min(e.Episodes, count) }).ToList(),
        TaskEvaluations = TaskEvaluations.Select(e => e with { Prompts = Math.Min(e.Prompts, count) }).ToList(),
    };

    /// <summary>The base objective of an experiment on a task: the squared error of the query's prediction (no reward terms: it is not a gridworld objective).</summary>
    public static ObjectiveModel SquaredLoss { get; } = new("squared_loss", [], []);
}
