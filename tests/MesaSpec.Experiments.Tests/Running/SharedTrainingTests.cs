using System.Text.Json;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Gridworld.Randomness;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>
/// A sweep whose training lines do not depend on the swept parameter (a sweep of thinking steps, of episodes) trains
/// each seed once and evaluates that model at every point, with the numbers a model trained for the point would give.
/// </summary>
public sealed class SharedTrainingTests
{
    private const string Spec = """
        environment Maze {
          grid 7 x 7
          walls maze
          item cheese spawn corner(top_right)
          horizon 24
        }

        environment Anywhere extends Maze {
          item cheese spawn anywhere
        }

        objective EatCheese {
          reward +10 when agent reaches cheese
          end when agent reaches cheese
        }

        objective Corner {
          reward +10 when agent reaches corner(top_right)
          end when agent reaches corner(top_right)
        }

        experiment Sweep(n: int = 4) {
          base objective EatCheese
          mesa objective Corner
          train on Maze with mlp using ppo(steps: 1k)
          seeds 2
          evaluate on Maze, Anywhere episodes n
          sweep n in [4, 6, 8]
        }
        """;

    [Fact]
    public void Each_seed_is_trained_once_and_the_later_points_say_where()
    {
        var trainer = new CountingTrainer();
        var report = Run(Plan(Spec), trainer, new RunOptions(RecordedEpisodes: 0));

        Assert.Equal([0, 1], trainer.Seeds);
        Assert.All(report.Points[0].Training, t => Assert.Null(t.TrainedAtPoint));
        Assert.All(report.Points.Skip(1).SelectMany(p => p.Training), t => Assert.Equal(0, t.TrainedAtPoint));
        Assert.Equal(2, report.Points[2].Training.Count);
    }

    [Fact]
    public void A_later_point_gets_the_numbers_of_a_model_trained_for_it()
    {
        // The walker acts from a seeded stream: had the shared model not been restarted, the later points would
        // continue the first point's stream and differ from a model trained for them.
        var plan = Plan(Spec);
        var shared = Run(plan, new CountingTrainer(), new RunOptions(RecordedEpisodes: 0));
        for (var i = 0; i < plan.Points.Count; i++)
        {
            var alone = Run(plan with { Points = [plan.Points[i]], Sweep = null }, new CountingTrainer(), new RunOptions(RecordedEpisodes: 0));
            Assert.Equal(Evaluations(alone.Points[0]), Evaluations(shared.Points[i]));
        }
    }

    [Fact]
    public void A_sweep_of_a_training_setting_trains_every_point()
    {
        var trainer = new CountingTrainer();
        var plan = Plan(Spec.Replace("ppo(steps: 1k)", "ppo(steps: 1k * n)", StringComparison.Ordinal));
        var report = Run(plan, trainer, new RunOptions(RecordedEpisodes: 0));
        Assert.Equal(6, trainer.Seeds.Count);
        Assert.All(report.Points.SelectMany(p => p.Training), t => Assert.Null(t.TrainedAtPoint));
    }

    [Fact]
    public void Scores_over_training_are_measured_per_point_so_every_point_trains()
    {
        var trainer = new CountingTrainer();
        Run(Plan(Spec), trainer, new RunOptions(RecordedEpisodes: 0, ScoresEvery: 500));
        Assert.Equal(6, trainer.Seeds.Count);
    }

    private static RunReport Run(ExperimentPlan plan, ITrainer trainer, RunOptions options)
    {
        var report = new ExperimentRunner(trainer, options).Run(plan, new SpecInfo("sweep.mesa", "hash", "trained"), null, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, report.Status);
        return report;
    }

    private static string Evaluations(SweepPoint point) =>
        JsonSerializer.Serialize(point.Evaluations.Select(e => e.PerSeed), ReportJson.Options);

    private static ExperimentPlan Plan(string text)
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(text, "sweep.mesa"));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        return compilation.Plans.Single();
    }

    private sealed class CountingTrainer : ITrainer
    {
        public List<int> Seeds { get; } = [];

        public ITrainedPolicy Train(TrainedPolicy spec, ObjectiveModel baseObjective, int seed, EnvironmentFactory environments,
            TrainingSettings settings, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
        {
            Seeds.Add(seed);
            settings.Snapshots?.Take(0, new SeededWalker(seed));
            return new SeededWalker(seed);
        }
    }

    /// <summary>Moves at random from a stream seeded by its training seed, as a trained model samples its actions.</summary>
    private sealed class SeededWalker(int seed) : ITrainedPolicy
    {
        private DeterministicRandom random = DeterministicRandom.For(seed, 0, 77);

        public IReadOnlyList<LearningCurvePoint> LearningCurve => [new LearningCurvePoint(1000, 1.5, null)];

        public string? CheckpointPath => null;

        public void Act(IVectorEnvironment environment, Span<int> actions)
        {
            for (var e = 0; e < environment.Count; e++)
            {
                actions[e] = random.NextInt(4);
            }
        }

        public void RestartActing() => random = DeterministicRandom.For(seed, 0, 77);

        public void Dispose()
        {
        }
    }
}
