using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Reports;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// Turns the outcomes of a run's tasks, in whatever order they finished and wherever they ran, into its report:
/// per point, the outcomes in the run's seed order, summarised per evaluation environment, then the expectations.
/// The same outcomes always give the same report.
/// </summary>
public sealed class RunAggregation(ExperimentPlan plan, SpecInfo spec, IReadOnlyList<int> seeds, RunOptions options)
{
    /// <param name="evaluators">The evaluators of a sweep point (built once per point: they hold its levels and baseline).</param>
    public RunReport Report(
        IEnumerable<SeedOutcome> outcomes, Func<int, IReadOnlyList<PolicyEvaluator>> evaluators,
        RunStatus status, string? detail, DateTimeOffset started, TimeSpan elapsed, CancellationToken cancellationToken = default)
    {
        var byPoint = outcomes.GroupBy(o => o.Point).ToDictionary(g => g.Key, g => g.OrderBy(o => SeedOrder(o.Seed)).ToList());
        var pointReports = new List<SweepPoint>();
        var pointResults = new List<ExpectationChecker.PointResults>();
        for (var p = 0; p < plan.Points.Count; p++)
        {
            var model = plan.Points[p];
            var done = byPoint.GetValueOrDefault(p) ?? [];
            var evaluations = new List<EvaluationReport>();
            var results = new List<(string, EnvironmentResult)>();
            var judged = new List<(EnvironmentModel, EnvironmentResult)>();
            if (done.Count > 0)
            {
                var pointEvaluators = evaluators(p);
                for (var e = 0; e < pointEvaluators.Count; e++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var result = pointEvaluators[e].Summarise(done.Select(o => o.Evaluations[e]).ToList());
                    var environment = model.Evaluations[e].Environment;
                    var samples = done.SelectMany(o => o.Samples[e]).Take(options.SamplesPerEnvironment).ToList();
                    evaluations.Add(ReportMapping.Evaluation(result, environment.DisplayName, model.Discount, samples, (environment.Width, environment.Height)));
                    results.Add((environment.Name, result));
                    judged.Add((environment, result));
                }
            }
            var outcome = judged.Count == 0 ? null : ExperimentVerdictRule.Decide(judged, model.TrainingEnvironment);
            var probes = Probes.ProbeAggregation.Probes(model, done);
            pointReports.Add(new SweepPoint
            {
                Parameters = model.Parameters.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()),
                CompletedSeeds = done.Select(o => o.Seed).ToList(),
                Training = done.Where(o => o.Training is not null).Select(o => o.Training!).ToList(),
                Evaluations = evaluations,
                Verdict = outcome is null ? null : ReportMapping.Word(outcome.Verdict),
                Proxy = outcome?.Proxy,
                Misgeneralisation = outcome is null ? null : ReportMapping.Word(outcome.Misgeneralisation),
                Explanation = outcome?.Explanation,
                Probes = probes,
                Steering = Probes.ProbeAggregation.Steering(model, done),
            });
            pointResults.Add(new ExpectationChecker.PointResults(model.Parameters, results, outcome) { Probes = probes ?? [] });
        }
        var verdicts = pointResults.Select(p => p.Experiment).ToList();
        var agreed = verdicts.Count > 0 && verdicts.All(o => o is not null && o.Verdict == verdicts[0]!.Verdict && o.Proxy == verdicts[0]!.Proxy) ? verdicts[0] : null;
        return new RunReport
        {
            Verdict = agreed is null ? null : ReportMapping.Word(agreed.Verdict),
            Proxy = agreed?.Proxy,
            Misgeneralisation = agreed is null ? null : ReportMapping.Word(agreed.Misgeneralisation),
            VerdictExplanation = agreed is not null ? agreed.Explanation
                : verdicts.Count > 1 ? "the experiment-level verdict differs across the sweep: see each point" : null,
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
            Points = pointReports,
            Expectations = ExpectationChecker.Check(plan.Points[0].Expectations, pointResults),
        };
    }

    private int SeedOrder(int seed)
    {
        for (var i = 0; i < seeds.Count; i++)
        {
            if (seeds[i] == seed)
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}
