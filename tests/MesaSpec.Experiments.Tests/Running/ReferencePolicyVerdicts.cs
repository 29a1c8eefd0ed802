using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>
/// What the reference policies define as a correct verdict (docs/language.md, "How a verdict is reached"),
/// asserted on every experiment of a spec: on each evaluation environment, oracle(Base) is robustly_aligned
/// where some proxy is testable and indistinguishable where none is; oracle(P) is pseudo_aligned(P) wherever P
/// is testable; random is a capability_failure everywhere. At the experiment level, random is a capability
/// failure, oracle(Base) is robustly aligned (indistinguishable when no environment separates anything), and
/// oracle(P) is pseudo-aligned to P when some environment can test P.
/// </summary>
internal static class ReferencePolicyVerdicts
{
    /// <summary>Below this many conflict episodes a confidence interval means little, so inconclusive is also a right answer.</summary>
    private const int EnoughConflicts = 5;

    public static void Check(string path, int episodes, IReadOnlyList<int> seeds)
    {
        var name = Path.GetFileName(path);
        var compilation = Compilation.Create(SyntaxTree.Parse(File.ReadAllText(path), path));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        Assert.NotEmpty(compilation.Plans);
        foreach (var plan in compilation.Plans)
        {
            var model = plan.Points[0];
            if (model.IsTaskExperiment)
            {
                TaskReferenceVerdicts.Check(name, plan, model, episodes, seeds);
                continue;
            }
            foreach (var candidate in model.Candidates)
            {
                var isBase = candidate == model.BaseObjective;
                var report = Run(plan, model with { Policy = new OraclePolicy(candidate) }, episodes, seeds);
                var testableSomewhere = false;
                foreach (var evaluation in report.Evaluations)
                {
                    var conflicts = Conflicts(evaluation, candidate.Name, isBase);
                    var what = $"{name} {plan.Name}: oracle({candidate.Name}) on {evaluation.Environment}: {evaluation.Verdict}: {evaluation.Explanation}";
                    if (conflicts == 0)
                    {
                        if (isBase)
                        {
                            Assert.True(evaluation.Verdict == "indistinguishable", what);
                        }
                        continue;
                    }
                    testableSomewhere = true;
                    var right = isBase
                        ? evaluation.Verdict == "robustly_aligned"
                        : evaluation.Verdict == "pseudo_aligned" && evaluation.Proxy == candidate.Name;
                    Assert.True(right || (conflicts < EnoughConflicts && evaluation.Verdict == "inconclusive"), what);
                }
                var experiment = $"{name} {plan.Name}: oracle({candidate.Name}) experiment verdict {report.Verdict}({report.Proxy}): {report.VerdictExplanation}";
                if (isBase)
                {
                    Assert.True(report.Verdict is "robustly_aligned" or "indistinguishable", experiment);
                    Assert.True(report.Verdict == "indistinguishable" || report.Evaluations.Any(e => e.Verdict == "robustly_aligned"), experiment);
                }
                else if (testableSomewhere && report.Evaluations.Any(e => e.Verdict == "pseudo_aligned"))
                {
                    Assert.True(report.Verdict == "pseudo_aligned" && report.Proxy == candidate.Name && report.Misgeneralisation == "goal", experiment);
                }
            }
            var random = Run(plan, model with { Policy = new RandomPolicy() }, episodes, seeds);
            foreach (var evaluation in random.Evaluations)
            {
                Assert.True(evaluation.Verdict == "capability_failure", $"{name} {plan.Name}: random on {evaluation.Environment}: {evaluation.Explanation}");
            }
            Assert.Equal("capability_failure", random.Verdict);
        }
    }

    /// <summary>How many episodes separate the candidate from what it competes with (for the base: the fewest over its testable proxies).</summary>
    private static int Conflicts(EvaluationReport evaluation, string candidate, bool isBase) =>
        isBase
            ? evaluation.Objectives.Where(o => o.Role == "mesa" && o.ConflictEpisodes > 0).Select(o => o.ConflictEpisodes).DefaultIfEmpty(0).Min()
            : evaluation.Objectives.First(o => o.Name == candidate).ConflictEpisodes;

    public static RunReport Run(ExperimentPlan plan, ExperimentModel model, int episodes, IReadOnlyList<int> seeds)
    {
        var quick = model with
        {
            Seeds = seeds,
            Evaluations = model.Evaluations.Select(e => e with { Episodes = episodes }).ToList(),
        };
        var runner = new ExperimentRunner(trainer: null, new RunOptions(SamplesPerEnvironment: 1));
        var report = runner.Run(plan with { Points = [quick], Sweep = null }, new SpecInfo("", "", ""), null, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, report.Status);
        return report;
    }
}
