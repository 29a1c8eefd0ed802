using System.Globalization;
using MesaSpec.Experiments.Reports;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.InContext;

/// <summary>
/// Is the model an in-context learner, and which one? On one evaluation task (docs/language.md, "In-context
/// learning"): the best-matching reference learner is the one whose sensitivity to the query agrees best with the
/// model's (mean cosine over prompts). The verdict is <c>mesa_optimizer(L)</c> for that learner L when (1) its
/// sensitivity cosine and its prediction cosine both reach the threshold, and (2) for every other reference learner,
/// the paired difference of sensitivity cosines (L's minus the other's) has a 95% interval above 0. Otherwise
/// <c>inconclusive</c>, and the explanation says which condition failed.
/// </summary>
public static class InContextVerdictRule
{
    public sealed record Judgement(
        Verdict Verdict,
        ReferenceLearner? Learner,
        Estimate ModelError,
        IReadOnlyList<ReferenceLearnerReport> References,
        string Explanation);

    public static Judgement Judge(PromptBootstrap data, IReadOnlyList<ReferenceLearner> learners, IReadOnlyList<double?> learningRates, double threshold)
    {
        var modelError = data.Estimate(PromptBootstrap.Mean(PromptMeasurement.ModelError));
        var rows = learners.Select((learner, r) => new ReferenceLearnerReport(
            LearnerWords.Word(learner),
            learningRates[r],
            data.Estimate(PromptBootstrap.Mean(PromptMeasurement.ReferenceError(r))),
            data.Estimate(PromptBootstrap.Cosine(PromptMeasurement.Product(r), PromptMeasurement.ModelSquare, PromptMeasurement.ReferenceSquare(r))),
            data.Estimate(PromptBootstrap.Mean(PromptMeasurement.SensitivityCosine(r))))).ToList();
        if (data.Seeds == 0)
        {
            return new Judgement(Verdict.Inconclusive, null, modelError, rows, "no prompts were evaluated");
        }
        var best = Enumerable.Range(0, rows.Count).MaxBy(r => rows[r].SensitivityCosine.Mean ?? double.MinValue);
        for (var r = 0; r < rows.Count; r++)
        {
            if (r != best)
            {
                rows[r] = rows[r] with { Margin = data.Estimate(PromptBootstrap.MeanDifference(PromptMeasurement.SensitivityCosine(best), PromptMeasurement.SensitivityCosine(r))) };
            }
        }
        var name = rows[best].Learner;
        var agreement = $"{name}: sensitivity cosine {Format(rows[best].SensitivityCosine)}, prediction cosine {Format(rows[best].PredictionCosine)}";
        var others = string.Join(", ", rows.Where(r => r.Margin is not null).Select(r => $"{r.Learner} {Format(r.SensitivityCosine)}"));
        var model = $"model error {Format(modelError)} vs " + string.Join(", ", rows.Select(r => $"{r.Learner} {Format(r.Error)}"));
        var threshold2 = threshold.ToString("0.##", CultureInfo.InvariantCulture);
        if ((rows[best].SensitivityCosine.Mean ?? 0) < threshold || (rows[best].PredictionCosine.Mean ?? 0) < threshold)
        {
            return new Judgement(Verdict.Inconclusive, null, modelError, rows,
                $"inconclusive: no reference learner agrees with the model to the threshold {threshold2}; the closest is {agreement} (others: {others}); {model}.");
        }
        var tied = rows.Where(r => r.Margin is { } m && !(m.CiLow > 0)).Select(r => $"{r.Learner} (margin {Format(r.Margin!)})").ToList();
        if (tied.Count > 0)
        {
            return new Judgement(Verdict.Inconclusive, null, modelError, rows,
                $"inconclusive: the model agrees with {agreement}, but not significantly better than with {string.Join(", ", tied)}; {model}.");
        }
        LearnerWords.TryParse(name, out var learner);
        return new Judgement(Verdict.MesaOptimizer, learner, modelError, rows,
            $"mesa_optimizer({name}): {agreement}, significantly above every other reference learner ({others}); {model}.");
    }

    internal static string Format(Estimate e) => e.Mean is not { } mean
        ? "n/a"
        : e.CiLow is { } low && e.CiHigh is { } high
            ? string.Create(CultureInfo.InvariantCulture, $"{mean:0.###} [{low:0.###}, {high:0.###}]")
            : string.Create(CultureInfo.InvariantCulture, $"{mean:0.###}");
}
