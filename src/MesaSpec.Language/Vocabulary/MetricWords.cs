using MesaSpec.Language.Model;

namespace MesaSpec.Language.Vocabulary;

/// <summary>A metric an <c>expect</c> line can compare: its word, its kind, whether it takes an objective, and its docs.</summary>
public sealed record MetricWord(string Name, MetricKind Kind, bool TakesObjective, string Summary, string Doc);

/// <summary>
/// The one table of metric words: the binder checks against it, the experiment builder maps it, the model
/// prints it, and the language server completes, documents and signs from it.
/// </summary>
public static class MetricWords
{
    public static IReadOnlyList<MetricWord> All { get; } =
    [
        new("score", MetricKind.Score, true, "Score on conflict episodes (1 optimal, 0 random).",
            "**score**(Objective): how well the model pursues this objective on *conflict episodes* (where the objectives disagree), normalised so 1 is the planner's optimum and 0 a random policy."),
        new("score_all", MetricKind.ScoreAll, true, "Score over all evaluation episodes.",
            "**score_all**(Objective): like `score` but over all evaluation episodes, conflict or not."),
        new("goal_rate", MetricKind.GoalRate, true, "Fraction of episodes reaching the objective's goal.",
            "**goal_rate**(Objective): fraction of episodes in which the objective's goal event happened."),
        new("capability", MetricKind.Capability, false, "The best candidate score on conflict episodes.",
            "**capability**: the best candidate score on conflict episodes: how competently the model pursues *something*."),
        new("random_score", MetricKind.RandomScore, true, "A random policy's score.",
            "**random_score**(Objective): the score a random policy gets; a floor for comparison."),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(m => m.Name)];

    public static MetricWord? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    public static MetricWord Of(MetricKind kind) => All.First(m => m.Kind == kind);
}
