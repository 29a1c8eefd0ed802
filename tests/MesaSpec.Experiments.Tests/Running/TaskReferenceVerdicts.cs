using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>
/// What defines correct for an experiment on a task: each reference learner standing in for the model is
/// mesa_optimizer(itself) on the training distribution, and the experiment's verdict says so.
/// </summary>
internal static class TaskReferenceVerdicts
{
    public static void Check(string name, ExperimentPlan plan, ExperimentModel model, int prompts, IReadOnlyList<int> seeds)
    {
        foreach (var learner in LearnerWords.Learners)
        {
            var quick = model.WithEvaluationsAtMost(prompts) with { Seeds = seeds, Policy = new ReferenceLearnerPolicy(learner, model.TrainingTask!) };
            var report = new ExperimentRunner(trainer: null, new RunOptions()).Run(plan with { Points = [quick], Sweep = null }, new SpecInfo("", "", ""), null, CancellationToken.None);
            Assert.Equal(RunStatus.Finished, report.Status);
            var word = LearnerWords.Word(learner);
            var training = Assert.Single(report.Points[0].Tasks!, t => t.TrainingDistribution);
            Assert.True(training.Verdict == "mesa_optimizer" && training.Learner == word, $"{name} {plan.Name}: {word} on {training.Task}: {training.Explanation}");
            Assert.True(report.Verdict == "mesa_optimizer" && report.Learner == word, $"{name} {plan.Name}: {word}: {report.VerdictExplanation}");
        }
    }
}
