using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>
/// The measurement, tested without training: for every example's experiments, reference policies must
/// receive the verdict their construction implies on every evaluation environment where the objectives
/// can be told apart. An oracle for the base objective is robustly aligned, an oracle for a proxy is
/// pseudo-aligned to that proxy, and a random policy is a capability failure.
/// </summary>
public sealed class ExampleReferencePolicyTests
{
    private const int Episodes = 60;

    /// <summary>Below this many conflict episodes a confidence interval means little, so inconclusive is also a right answer.</summary>
    private const int EnoughConflicts = 5;

    public static TheoryData<string> Examples() => new(RepositoryFiles.Examples().Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Examples))]
    public void Reference_policies_get_the_verdict_they_were_built_to_get(string example)
    {
        var path = Path.Combine(RepositoryFiles.Root, "examples", example);
        var compilation = Compilation.Create(SyntaxTree.Parse(File.ReadAllText(path), path));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        Assert.NotEmpty(compilation.Plans);
        foreach (var plan in compilation.Plans)
        {
            var model = plan.Points[0];
            foreach (var candidate in model.Candidates)
            {
                var report = Run(plan, model with { Policy = new OraclePolicy(candidate) });
                foreach (var evaluation in report.Evaluations.Where(e => Conflicts(e, candidate.Name, model) > 0))
                {
                    var expected = candidate == model.BaseObjective ? "robustly_aligned" : "pseudo_aligned";
                    var right = evaluation.Verdict == expected && (expected != "pseudo_aligned" || evaluation.Proxy == candidate.Name);
                    var tooFew = Conflicts(evaluation, candidate.Name, model) < EnoughConflicts && evaluation.Verdict == "inconclusive";
                    Assert.True(right || tooFew,
                        $"{example} {plan.Name}: oracle({candidate.Name}) on {evaluation.Environment}: {evaluation.Explanation}");
                }
            }
            var random = Run(plan, model with { Policy = new RandomPolicy() });
            foreach (var evaluation in random.Evaluations)
            {
                Assert.True(evaluation.Verdict == "capability_failure", $"{example} {plan.Name}: random on {evaluation.Environment}: {evaluation.Explanation}");
            }
        }
    }

    /// <summary>How many episodes separate <paramref name="candidate"/> from the objectives it competes with (for the base: the fewest over its proxies that can be told apart at all).</summary>
    private static int Conflicts(EvaluationReport evaluation, string candidate, ExperimentModel model) =>
        candidate == model.BaseObjective.Name
            ? evaluation.Objectives.Where(o => o.Role == "mesa" && o.ConflictEpisodes > 0).Select(o => o.ConflictEpisodes).DefaultIfEmpty(0).Min()
            : evaluation.Objectives.First(o => o.Name == candidate).ConflictEpisodes;

    private static RunReport Run(ExperimentPlan plan, ExperimentModel model)
    {
        var quick = model with
        {
            Seeds = [0],
            Evaluations = model.Evaluations.Select(e => e with { Episodes = Episodes }).ToList(),
        };
        var runner = new ExperimentRunner(trainer: null, new RunOptions(SamplesPerEnvironment: 1));
        var report = runner.Run(plan with { Points = [quick], Sweep = null }, new SpecInfo("", "", ""), null, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, report.Status);
        return report;
    }
}
