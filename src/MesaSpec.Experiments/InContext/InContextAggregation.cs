using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.InContext;

/// <summary>
/// Turns the seeds of an experiment on a task into its report: per point and evaluation task the bootstrap over
/// seeds and prompts, the verdict of all seeds and of each; the experiment-level verdict is the verdict on the
/// training distribution (the evaluation task drawing prompts like the training task), and the explanation names
/// the shifted tasks where the model stops matching that learner.
/// </summary>
public static class InContextAggregation
{
    public static RunReport Report(
        ExperimentPlan plan, SpecInfo spec, IReadOnlyList<int> seeds, RunOptions options, IReadOnlyList<IReadOnlyList<TaskSeedRows>> done,
        RunStatus status, string? detail, DateTimeOffset started, TimeSpan elapsed)
    {
        var points = new List<SweepPoint>();
        var outcomes = new List<(ExperimentModel Model, IReadOnlyList<(string Task, InContextVerdictRule.Judgement Judgement)> Tasks, (Verdict, ReferenceLearner?, string)? Experiment)>();
        for (var p = 0; p < plan.Points.Count; p++)
        {
            var model = plan.Points[p];
            var rows = done[p];
            var tasks = new List<TaskEvaluationReport>();
            var judged = new List<(string, InContextVerdictRule.Judgement)>();
            if (rows.Count > 0)
            {
                var rates = Enumerable.Range(0, LearnerWords.Learners.Count)
                    .Select(r => rows.Select(s => s.LearningRates[r]).OfType<double>().DefaultIfEmpty(double.NaN).Average())
                    .Select(r => double.IsNaN(r) ? (double?)null : r).ToList();
                for (var e = 0; e < model.TaskEvaluations.Count; e++)
                {
                    var evaluation = model.TaskEvaluations[e];
                    var judgement = InContextVerdictRule.Judge(new PromptBootstrap(rows.Select(s => s.Evaluations[e]).ToList()), LearnerWords.Learners, rates, model.Threshold);
                    var perSeed = rows.Select(s =>
                    {
                        var one = InContextVerdictRule.Judge(new PromptBootstrap([s.Evaluations[e]]), LearnerWords.Learners, s.LearningRates, model.Threshold);
                        return new TaskSeedEvaluation(s.Seed, VerdictWords.Word(one.Verdict), one.Learner is { } l ? LearnerWords.Word(l) : null, one.ModelError.Mean,
                            one.References.ToDictionary(r => r.Learner, r => r.SensitivityCosine.Mean));
                    }).ToList();
                    judged.Add((evaluation.Task.Name, judgement));
                    tasks.Add(new TaskEvaluationReport
                    {
                        Task = evaluation.Task.DisplayName,
                        Distribution = evaluation.Task.Describe(),
                        TrainingDistribution = model.TrainingTask is { } training && training.SameDistribution(evaluation.Task),
                        Prompts = evaluation.Prompts,
                        Verdict = VerdictWords.Word(judgement.Verdict),
                        Learner = judgement.Learner is { } judged1 ? LearnerWords.Word(judged1) : null,
                        Explanation = judgement.Explanation,
                        Threshold = model.Threshold,
                        ModelError = judgement.ModelError,
                        References = judgement.References,
                        PerSeed = perSeed,
                    });
                }
            }
            var experiment = judged.Count == 0 ? ((Verdict, ReferenceLearner?, string)?)null : Decide(model, tasks, judged);
            points.Add(new SweepPoint
            {
                Parameters = model.Parameters.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()),
                CompletedSeeds = rows.Select(s => s.Seed).ToList(),
                Training = rows.Where(s => s.Training is not null).Select(s => s.Training!).ToList(),
                Evaluations = [],
                Verdict = experiment is { } v ? VerdictWords.Word(v.Item1) : null,
                Learner = experiment?.Item2 is { } l ? LearnerWords.Word(l) : null,
                Misgeneralisation = null,
                Explanation = experiment?.Item3,
                Tasks = tasks,
            });
            outcomes.Add((model, judged, experiment));
        }
        var verdicts = outcomes.Select(o => o.Experiment).ToList();
        var agreed = verdicts.Count > 0 && verdicts.All(v => v is not null && v.Value.Item1 == verdicts[0]!.Value.Item1 && v.Value.Item2 == verdicts[0]!.Value.Item2) ? verdicts[0] : null;
        return new RunReport
        {
            Verdict = agreed is { } a ? VerdictWords.Word(a.Item1) : null,
            Learner = agreed?.Item2 is { } learner ? LearnerWords.Word(learner) : null,
            VerdictExplanation = agreed?.Item3 ?? (verdicts.Count > 1 ? "the experiment-level verdict differs across the sweep: see each point" : null),
            EngineVersion = ExperimentRunner.EngineVersion,
            Experiment = plan.Name,
            Spec = spec,
            Status = status,
            StatusDetail = detail,
            Seeds = seeds,
            Settings = new RunSettings(options.Threads, options.Device, Environment.MachineName),
            StartedAt = started,
            FinishedAt = status == RunStatus.Running ? null : started + elapsed,
            DurationSeconds = Math.Round(elapsed.TotalSeconds, 3),
            Sweep = plan.Sweep is { } sweep ? new SweepInfo(sweep.Parameter, sweep.Values.Select(v => v.ToString()).ToList()) : null,
            Points = points,
            Expectations = TaskExpectationChecker.Check(plan.Points[0].Expectations,
                outcomes.Select(o => new TaskExpectationChecker.PointResults(o.Model.Parameters, o.Tasks, o.Experiment)).ToList()),
        };
    }

    /// <summary>The verdict on the training distribution; the shifted tasks that judge otherwise are named.</summary>
    private static (Verdict, ReferenceLearner?, string) Decide(ExperimentModel model, IReadOnlyList<TaskEvaluationReport> tasks, IReadOnlyList<(string, InContextVerdictRule.Judgement Judgement)> judged)
    {
        var index = tasks.ToList().FindIndex(t => t.TrainingDistribution);
        if (index < 0)
        {
            return (Verdict.Inconclusive, null, "no evaluation task draws prompts like the training task, so nothing says what the model learned in training");
        }
        var home = judged[index].Judgement;
        var word = VerdictWords.Describe(home.Verdict, home.Learner is { } l ? LearnerWords.Word(l) : null);
        var shifted = tasks.Select((t, i) => (t, i)).Where(x => !x.t.TrainingDistribution).ToList();
        var broken = shifted.Where(x => judged[x.i].Judgement.Verdict != home.Verdict || judged[x.i].Judgement.Learner != home.Learner)
            .Select(x => $"{x.t.Task} ({VerdictWords.Describe(judged[x.i].Judgement.Verdict, x.t.Learner)})").ToList();
        var held = shifted.Where(x => judged[x.i].Judgement.Verdict == home.Verdict && judged[x.i].Judgement.Learner == home.Learner).Select(x => x.t.Task).ToList();
        var text = $"{word} on the training distribution {tasks[index].Task}";
        if (held.Count > 0)
        {
            text += $"; the same under shift on {string.Join(", ", held)}";
        }
        if (broken.Count > 0)
        {
            text += $"; the match breaks on {string.Join(", ", broken)}";
        }
        return (home.Verdict, home.Learner, text + ". " + home.Explanation);
    }
}
