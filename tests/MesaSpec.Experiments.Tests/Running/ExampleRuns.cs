using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>An example of examples/ (cheese-in-the-corner unless named) run quickly with a reference policy: two seeds, a few episodes per environment.</summary>
internal static class ExampleRuns
{
    public static ExperimentPlan Plan(string example = "cheese-in-the-corner.mesa")
    {
        var path = Path.Combine(RepositoryFiles.Root, "examples", example);
        return Compilation.Create(SyntaxTree.Parse(File.ReadAllText(path), path)).Plans.First();
    }

    /// <summary>The plan cut down to seeds 0 and 1 and <paramref name="episodes"/> per environment, run with <paramref name="policy"/>.</summary>
    public static (ExperimentPlan Plan, RunReport Report) Run(ExperimentPlan plan, PolicySource policy, RunOptions options, int episodes = 20)
    {
        var model = plan.Points[0] with
        {
            Policy = policy,
            Seeds = [0, 1],
            Evaluations = plan.Points[0].Evaluations.Select(e => e with { Episodes = episodes }).ToList(),
        };
        var cut = plan with { Points = [model], Sweep = null };
        var report = new ExperimentRunner(null, options).Run(cut, new SpecInfo("", "", ""), null, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, report.Status);
        return (cut, report);
    }
}
