using MesaSpec.Language.Model;

namespace MesaSpec.Testing.Running;

/// <summary>
/// A named change to an experiment before it runs, for snapshots that must be quick: a reference policy
/// instead of training, a smaller budget, fewer episodes. The name goes into the snapshot's file name
/// (<c>&lt;spec&gt;.&lt;experiment&gt;.&lt;name&gt;.verified.json</c>) and into the cache key, so a variant's outcome is
/// never compared with, or cached as, the full experiment's. The name must therefore say everything the
/// variant changes.
/// </summary>
public sealed record ExperimentVariant(string Name, Func<ExperimentModel, ExperimentModel> Apply)
{
    /// <summary>
    /// The oracle instead of the trained model (<see cref="ExperimentModel.Oracle"/>: the base objective's oracle in
    /// environments, the Bayes-optimal reference learner on tasks): tests the measurement, trains nothing.
    /// </summary>
    public static ExperimentVariant ReferenceOracle { get; } =
        new("reference-oracle", model => model with { Policy = model.Oracle });

    /// <summary>
    /// The quick stand-in for a full run, for a project's own example tests: the oracle (of the base objective in
    /// environments, the Bayes-optimal reference learner on tasks), one seed (0), and at most
    /// <paramref name="episodes"/> evaluation episodes per environment (prompts per task). It pins the
    /// measurement (levels, planner, scores, conflict episodes, verdicts) in seconds instead of minutes. The
    /// episode count is in the name, as every setting of a variant must be: the name is part of the cache key.
    /// </summary>
    public static ExperimentVariant ReducedOracle(int episodes = 20) =>
        new($"reduced-oracle-{episodes}ep", model => model.WithEvaluationsAtMost(episodes) with
        {
            Policy = model.Oracle,
            Seeds = [0],
        });

    /// <summary>Uniformly random actions instead of the trained model.</summary>
    public static ExperimentVariant ReferenceRandom { get; } =
        new("reference-random", model => model with { Policy = new RandomPolicy() });

    /// <summary>
    /// Trains with <paramref name="steps"/> environment steps instead of the spec's budget (in every training phase), and evaluates
    /// <paramref name="episodes"/> episodes per environment when given. Reference policies are left as they are.
    /// </summary>
    public static ExperimentVariant ReducedBudget(long steps, int? episodes = null) =>
        new($"reduced-budget-{steps}" + (episodes is { } e ? $"-{e}ep" : ""), model => model with
        {
            Policy = model.Policy switch
            {
                // Every phase gets the reduced budget: each still fine-tunes the one before it.
                TrainedPolicy trained => trained with { Phases = trained.Phases.Select(p => p with { Algorithm = p.Algorithm.WithBudget(steps) }).ToList() },
                TaskTrainedModel trained => trained with { Algorithm = trained.Algorithm.WithBudget(steps) },
                _ => model.Policy,
            },
            Evaluations = episodes is { } n ? model.Evaluations.Select(e => e with { Episodes = n }).ToList() : model.Evaluations,
            TaskEvaluations = episodes is { } p ? model.TaskEvaluations.Select(e => e with { Prompts = p }).ToList() : model.TaskEvaluations,
        });

    /// <summary>This variant, then <paramref name="next"/>; the names join with a dot.</summary>
    public ExperimentVariant Then(ExperimentVariant next) => new($"{Name}.{next.Name}", model => next.Apply(Apply(model)));
}
