using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>
/// Issue 17: report.json's <c>training[].steps</c> said the budget (300,000) while whole rollouts trained 301,056; it
/// now says the steps the trainer ran, and the speed counts the same steps.
/// </summary>
public sealed class TrainedStepsTests
{
    [Fact]
    public void The_report_gives_the_steps_the_trainer_ran_not_the_budget()
    {
        var training = Train(new AlwaysUp(301_056));
        Assert.Equal(301_056, training.Steps);
        Assert.InRange(training.StepsPerSecond * training.Seconds, 301_056 * 0.95, 301_056 * 1.05); // the clock is read twice
        Assert.Contains("\"steps\": 301056", ReportJson.Serialize(Report(new AlwaysUp(301_056))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_that_cannot_say_gets_the_budget()
    {
        Assert.Equal(300_000, Train(new AlwaysUp(null)).Steps); // the example's ppo(steps: 300k)
    }

    private static TrainingReport Train(ITrainedPolicy policy) => Report(policy).Points[0].Training.Single();

    private static RunReport Report(ITrainedPolicy policy)
    {
        var plan = ExampleRuns.Plan();
        var model = plan.Points[0] with
        {
            Seeds = [0],
            Evaluations = plan.Points[0].Evaluations.Select(e => e with { Episodes = 4 }).ToList(),
        };
        var report = new ExperimentRunner(new HandOut(policy), new RunOptions(SamplesPerEnvironment: 0, RecordedEpisodes: 0))
            .Run(plan with { Points = [model], Sweep = null }, new SpecInfo("", "", ""), null, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, report.Status);
        return report;
    }

    private sealed class HandOut(ITrainedPolicy policy) : ITrainer
    {
        public ITrainedPolicy Train(TrainedPolicy spec, ObjectiveModel baseObjective, int seed, EnvironmentFactory environments,
            TrainingSettings settings, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) => policy;
    }

    /// <summary>Always moves up (action 0); says it trained <paramref name="steps"/> steps (or nothing).</summary>
    private sealed class AlwaysUp(long? steps) : ITrainedPolicy
    {
        public string? CheckpointPath => null;

        public IReadOnlyList<LearningCurvePoint> LearningCurve => [];

        public long? StepsTrained => steps;

        public void Act(IVectorEnvironment environment, Span<int> actions) => actions.Clear();

        /// <summary>Acts the same whenever it acts: nothing to restart.</summary>
        public void RestartActing()
        {
        }

        public void Dispose()
        {
        }
    }
}
