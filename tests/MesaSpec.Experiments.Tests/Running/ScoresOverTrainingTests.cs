using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>Issue 17: each snapshot of training is scored on every evaluation environment, and asking for it changes no other number.</summary>
public sealed class ScoresOverTrainingTests
{
    [Fact]
    public void Every_snapshot_is_scored_on_every_environment_for_every_candidate()
    {
        var report = Run(scoresEvery: 100);
        var training = Assert.Single(report.Points[0].Training);
        var points = training.ScoresOverTraining!;
        // The fake trainer hands out a policy that always moves right at step 0 and one that always moves up at step 100.
        Assert.Equal([(0L, "Maze"), (0, "MazeAnywhere"), (100, "Maze"), (100, "MazeAnywhere")], points.Select(p => (p.Step, p.Environment)));
        Assert.All(points, p => Assert.Equal(["EatCheese", "GoToCorner"], p.Objectives.Select(o => o.Name)));
        Assert.All(points, p => Assert.All(p.Objectives, o => Assert.InRange(o.ScoreAll!.Value, 0, 1)));
        // Right-movers and up-movers score differently on the same levels.
        Assert.NotEqual(points[1].Objectives[1].ScoreAll, points[3].Objectives[1].ScoreAll);
    }

    [Fact]
    public void Without_the_option_no_snapshot_is_asked_for_and_the_verdict_is_the_same()
    {
        var without = Run(scoresEvery: 0);
        var with = Run(scoresEvery: 100);
        Assert.Null(Assert.Single(without.Points[0].Training).ScoresOverTraining);
        Assert.Equal(without.Points[0].Evaluations.Select(e => e.Verdict), with.Points[0].Evaluations.Select(e => e.Verdict));
        Assert.Equal(without.Points[0].Evaluations.Select(e => e.Objectives[0].ScoreAll.Mean),
            with.Points[0].Evaluations.Select(e => e.Objectives[0].ScoreAll.Mean));
    }

    private static RunReport Run(long scoresEvery)
    {
        var path = Path.Combine(RepositoryFiles.Root, "examples", "cheese-in-the-corner.mesa");
        var plan = Compilation.Create(SyntaxTree.Parse(File.ReadAllText(path), path)).Plans.First();
        var model = plan.Points[0] with
        {
            Seeds = [0],
            Evaluations = plan.Points[0].Evaluations.Select(e => e with { Episodes = 20 }).ToList(),
        };
        var runner = new ExperimentRunner(new SnapshottingTrainer(), new RunOptions(SamplesPerEnvironment: 0, ScoresEvery: scoresEvery));
        var report = runner.Run(plan with { Points = [model], Sweep = null }, new SpecInfo("", "", ""), null, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, report.Status);
        return report;
    }

    private sealed class Moving(int action) : ITrainedPolicy
    {
        public IReadOnlyList<LearningCurvePoint> LearningCurve => [];

        public string? CheckpointPath => null;

        public void Act(IVectorEnvironment environment, Span<int> actions) => actions[..environment.Count].Fill(action);

        /// <summary>Acts the same whenever it acts: nothing to restart.</summary>
        public void RestartActing()
        {
        }

        public void Dispose()
        {
        }
    }

    /// <summary>"Trains" by handing out a right-mover at steps 0 and 100 when asked, then returns an up-mover.</summary>
    private sealed class SnapshottingTrainer : ITrainer
    {
        public ITrainedPolicy Train(TrainedPolicy spec, ObjectiveModel baseObjective, int seed, EnvironmentFactory environments,
            TrainingSettings settings, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
        {
            if (settings.Snapshots is { } snapshots)
            {
                Assert.Equal(100, snapshots.Every);
                using var right = new Moving(1);
                snapshots.Take(0, right);
                using var up = new Moving(0);
                snapshots.Take(100, up);
            }
            return new Moving(0);
        }
    }
}
