using System.Text.Json.Serialization;

namespace MesaSpec.Experiments.Reports;

/// <summary>
/// An experiment trained on a task, judged on one evaluation task across seeds: the model's prediction error, each
/// reference learner's error and its agreement with the model, and the verdict (docs/language.md, "In-context learning").
/// </summary>
public sealed record TaskEvaluationReport
{
    /// <summary>The evaluation task as written, e.g. <c>Regression(scale: 2)</c>.</summary>
    public required string Task { get; init; }

    /// <summary>"linear, d=10, 10 context pairs, noise 0, inputs uniform(scale: 1)".</summary>
    public required string Distribution { get; init; }

    /// <summary>The evaluation task draws prompts like the training task.</summary>
    public required bool TrainingDistribution { get; init; }

    /// <summary>Prompts per seed.</summary>
    public required int Prompts { get; init; }

    /// <summary>mesa_optimizer or inconclusive.</summary>
    public required string Verdict { get; init; }

    /// <summary>The reference learner the model implements, when the verdict is mesa_optimizer.</summary>
    public string? Learner { get; init; }

    public required string Explanation { get; init; }

    public required double Threshold { get; init; }

    /// <summary>Mean squared error of the model's query predictions.</summary>
    public required Estimate ModelError { get; init; }

    public required IReadOnlyList<ReferenceLearnerReport> References { get; init; }

    public required IReadOnlyList<TaskSeedEvaluation> PerSeed { get; init; }
}

/// <summary>
/// One reference learner on one evaluation task: its learning rate (gradient descent: fitted on training prompts,
/// mean over seeds), its mean squared error, and its agreement with the model: the cosine of the two prediction
/// vectors over the prompts, and the mean cosine of their sensitivities to the query. <see cref="Margin"/> is the
/// best-matching learner's sensitivity cosine minus this one's (null for the best itself).
/// </summary>
public sealed record ReferenceLearnerReport(string Learner, double? LearningRate, Estimate Error, Estimate PredictionCosine, Estimate SensitivityCosine)
{
    public Estimate? Margin { get; init; }
}

/// <summary>One seed's verdict on one evaluation task, with its model error and sensitivity cosine per reference learner.</summary>
public sealed record TaskSeedEvaluation(int Seed, string Verdict, string? Learner, double? ModelError, IReadOnlyDictionary<string, double?> SensitivityCosine);

/// <summary>The report members that only experiments on tasks have; absent (not null) from environment reports.</summary>
internal static class TaskReportJson
{
    public const JsonIgnoreCondition OnlyForTasks = JsonIgnoreCondition.WhenWritingNull;
}
