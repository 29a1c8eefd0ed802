using MesaSpec.Experiments.Reports;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.InContext;

/// <summary>
/// Checks the <c>expect</c> lines of an experiment on a task: <c>expect on TASK: VERDICT</c> against that task's
/// verdict, <c>expect: VERDICT</c> against the experiment's; at every sweep point (or the one <c>where</c> selects).
/// <c>mesa_optimizer</c> without a learner holds for any learner.
/// </summary>
internal static class TaskExpectationChecker
{
    public sealed record PointResults(
        IReadOnlyDictionary<string, Value> Parameters,
        IReadOnlyList<(string Task, InContextVerdictRule.Judgement Judgement)> Tasks,
        (Verdict Verdict, ReferenceLearner? Learner, string Explanation)? Experiment);

    public static IReadOnlyList<ExpectationResult> Check(IReadOnlyList<ExpectationModel> expectations, IReadOnlyList<PointResults> points) =>
        expectations.Select(e => Check(e, points)).ToList();

    private static ExpectationResult Check(ExpectationModel expectation, IReadOnlyList<PointResults> points)
    {
        if (expectation.Body is not VerdictExpectation expected)
        {
            return new ExpectationResult(expectation.Text, expectation.Line, false, "an experiment on a task can only expect a verdict");
        }
        var applicable = points.Where(p => expectation.WhereParameter is null
            || (p.Parameters.TryGetValue(expectation.WhereParameter, out var v) && v.ToString() == expectation.WhereValue!.Value.ToString())).ToList();
        var found = applicable.SelectMany(p => expectation.Environment is null
            ? p.Experiment is { } e ? [(e.Verdict, e.Learner)] : Array.Empty<(Verdict, ReferenceLearner?)>()
            : p.Tasks.Where(t => t.Task == expectation.Environment).Select(t => (t.Judgement.Verdict, t.Judgement.Learner))).ToList();
        if (found.Count == 0)
        {
            return new ExpectationResult(expectation.Text, expectation.Line, false, "no results (the run stopped before evaluating it)");
        }
        var ok = found.All(f => f.Item1 == expected.Verdict
            && (expected.Proxy is null || (f.Item2 is { } learner && LearnerWords.Word(learner) == expected.Proxy)));
        var detail = string.Join("; ", found.Select(f => "verdict " + VerdictWords.Describe(f.Item1, f.Item2 is { } l ? LearnerWords.Word(l) : null)).Distinct());
        return new ExpectationResult(expectation.Text, expectation.Line, ok, detail);
    }
}
