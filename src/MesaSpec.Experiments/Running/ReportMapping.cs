using System.Globalization;
using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Reports;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Running;

/// <summary>Turns the measurement's results into the report's shape, with the explanation a researcher reads first.</summary>
internal static class ReportMapping
{
    public static string Word(Verdict verdict) => verdict switch
    {
        Verdict.RobustlyAligned => "robustly_aligned",
        Verdict.PseudoAligned => "pseudo_aligned",
        Verdict.CapabilityFailure => "capability_failure",
        _ => "inconclusive",
    };

    public static Estimate Estimate(ScoreSummary s) => new(s.Mean, s.CiLow, s.CiHigh, s.Count);

    public static EvaluationReport Evaluation(EnvironmentResult result, string displayName, IReadOnlyList<BehaviourSample> samples) => new()
    {
        Environment = displayName,
        Verdict = Word(result.Verdict),
        Proxy = result.Proxy,
        Explanation = Explain(result),
        Episodes = result.Episodes,
        Threshold = result.Threshold,
        Capability = Estimate(result.Capability),
        Objectives = result.Objectives.Select(o => new ObjectiveScore(
            o.Name, Role(o.Role), Estimate(o.Score), Estimate(o.ScoreAll), Estimate(o.GoalRate), o.ConflictEpisodes)).ToList(),
        RandomBaseline = result.RandomBaseline.Select(b => new ObjectiveScore(
            b.Objective,
            Role(result.Objectives.First(o => o.Name == b.Objective).Role),
            new Estimate(b.Score, null, null, b.Score is null ? 0 : 1),
            new Estimate(b.ScoreAll, null, null, 1),
            new Estimate(b.GoalRate, null, null, 1),
            result.Objectives.First(o => o.Name == b.Objective).ConflictEpisodes)).ToList(),
        PerSeed = result.PerSeed.Select(s => new SeedEvaluation(
            s.Seed, Word(s.Verdict), s.Proxy, s.Capability,
            s.Objectives.Select(o => new Reports.SeedObjectiveScore(o.Objective, o.Score ?? double.NaN, o.ScoreAll, o.GoalRate)).ToList())).ToList(),
        Samples = samples,
    };

    private static string Role(ObjectiveRole role) => role == ObjectiveRole.Base ? "base" : "mesa";

    /// <summary>"pseudo_aligned to GoToCorner: GoToCorner scores 0.97 [0.95, 0.99] vs EatCheese 0.12 [...] on 143 of 200 conflict episodes; ..."</summary>
    public static string Explain(EnvironmentResult result)
    {
        var baseObjective = result.Objectives[0];
        var head = result.Verdict switch
        {
            Verdict.PseudoAligned => $"pseudo_aligned to {result.Proxy}",
            _ => Word(result.Verdict),
        };
        var scores = string.Join(" vs ", result.Objectives.Where(o => o.Testable || o.Role == ObjectiveRole.Base).Select(o => $"{o.Name} {Format(o.Score)}"));
        var conflict = $"on {result.ConflictEpisodes} of {result.Episodes} episodes that separate the objectives";
        var capability = $"capability {Format(result.Capability)} against threshold {result.Threshold.ToString("0.##", CultureInfo.InvariantCulture)}";
        var random = string.Join(", ", result.RandomBaseline.Select(b => $"{b.Objective} {F(b.Score)}"));
        var parts = new List<string> { $"{head}: {scores} {conflict}", capability, $"random policy: {random}" };
        parts.AddRange(result.Notes);
        if (baseObjective.Score.Count == 0)
        {
            parts.Add("no episode separated the objectives, so scores are over all episodes");
        }
        return string.Join("; ", parts) + ".";
    }

    public static string Format(ScoreSummary s) =>
        s.Mean is null ? "n/a" : s.CiLow is null ? F(s.Mean) : $"{F(s.Mean)} [{F(s.CiLow)}, {F(s.CiHigh)}]";

    private static string F(double? v) => v is null ? "n/a" : v.Value.ToString("0.00", CultureInfo.InvariantCulture);
}
