using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>Behaviour samples of trained models carry the action distribution, the value and the preferred action per free cell (the report's vector field and value map).</summary>
public sealed class BehaviourSampleTests
{
    [Fact]
    public void A_trained_policys_action_distribution_value_and_preferred_action_are_recorded_for_every_free_cell()
    {
        var report = Run(new FakeTrainer());
        var samples = report.Points[0].Evaluations.SelectMany(e => e.Samples).ToList();
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            var actions = sample.PreferredActions!;
            var rows = sample.Grid.TakeWhile(r => !r.StartsWith("legend:", StringComparison.Ordinal)).ToList();
            for (var y = 0; y < rows.Count; y++)
            {
                for (var x = 0; x < rows[y].Length; x++)
                {
                    var cell = y * rows[y].Length + x;
                    var free = rows[y][x] is '.' or 'A';
                    var expected = free ? CellPolicy.ActionAt(cell) : -1;
                    Assert.True(expected == actions[y][x], $"cell ({x}, {y}) '{rows[y][x]}': expected {expected}, got {actions[y][x]}");
                    var probabilities = sample.ActionProbabilities![y][x];
                    var value = sample.Values![y][x];
                    if (!free)
                    {
                        Assert.Null(probabilities);
                        Assert.Null(value);
                        continue;
                    }
                    Assert.Equal(Enumerable.Range(0, 4).Select(a => CellPolicy.Probability(cell, a)), probabilities!);
                    Assert.Equal(CellPolicy.Value(cell), value!.Value, 1e-9);
                }
            }
        }
    }

    [Fact]
    public void Each_candidates_target_cells_are_recorded_the_cheese_and_the_corner()
    {
        var report = Run(new FakeTrainer());
        foreach (var sample in report.Points[0].Evaluations.SelectMany(e => e.Samples))
        {
            var rows = sample.Grid.TakeWhile(r => !r.StartsWith("legend:", StringComparison.Ordinal)).ToList();
            var cheese = Enumerable.Range(0, rows.Count).SelectMany(y => Enumerable.Range(0, rows[y].Length).Where(x => rows[y][x] == 'C').Select(x => new[] { x, y })).ToList();
            var targets = sample.Targets!;
            Assert.Equal(["EatCheese", "GoToCorner"], targets.Select(t => t.Objective));
            Assert.Equal(cheese, targets[0].Cells);
            Assert.Equal([new[] { rows[0].Length - 1, 0 }], targets[1].Cells);
        }
    }

    [Fact]
    public void A_sample_that_runs_out_the_horizon_has_as_many_steps_as_the_horizon()
    {
        // Always left: the agent ends against a wall, so the last move of a timed-out episode is blocked (that
        // step was once dropped: "63 steps" against horizon 64).
        var report = Run(new FakeTrainer(() => new FixedActionPolicy(3)));
        var samples = report.Points[0].Evaluations.SelectMany(e => e.Samples).ToList();
        var timedOut = samples.Where(s => s.Grid[s.Trajectory[^1][1]][s.Trajectory[^1][0]] != 'C').ToList();
        Assert.NotEmpty(timedOut);
        Assert.All(timedOut, s => Assert.Equal(64, s.Trajectory.Count - 1));
    }

    [Fact]
    public void Reference_policies_have_no_preferred_actions()
    {
        var report = Run(trainer: null, policy: new RandomPolicy());
        Assert.All(report.Points[0].Evaluations.SelectMany(e => e.Samples), s =>
        {
            Assert.Null(s.PreferredActions);
            Assert.Null(s.ActionProbabilities);
            Assert.Null(s.Values);
        });
    }

    private static RunReport Run(ITrainer? trainer, PolicySource? policy = null)
    {
        var path = Path.Combine(RepositoryFiles.Root, "examples", "cheese-in-the-corner.mesa");
        var plan = Compilation.Create(SyntaxTree.Parse(File.ReadAllText(path), path)).Plans.First();
        var model = plan.Points[0] with
        {
            Policy = policy ?? plan.Points[0].Policy,
            Seeds = [0],
            Evaluations = plan.Points[0].Evaluations.Select(e => e with { Episodes = 20 }).ToList(),
        };
        var runner = new ExperimentRunner(trainer, new RunOptions(SamplesPerEnvironment: 2));
        var report = runner.Run(plan with { Points = [model], Sweep = null }, new SpecInfo("", "", ""), null, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, report.Status);
        return report;
    }

    /// <summary>A "trained" policy whose action depends only on the agent's cell, so the field is predictable.</summary>
    private sealed class CellPolicy : ITrainedPolicy, IPreferringPolicy
    {
        public static int ActionAt(int cell) => cell * 7 % 4;

        public IReadOnlyList<LearningCurvePoint> LearningCurve => [];

        public string? CheckpointPath => null;

        /// <summary>The distribution: 0.7 on the cell's action, 0.1 on each other one.</summary>
        public static double Probability(int cell, int action) => action == ActionAt(cell) ? 0.7 : 0.1;

        /// <summary>The value: a thousandth of the cell's index, so every cell's is its own.</summary>
        public static double Value(int cell) => cell / 1000.0;

        public void Act(IVectorEnvironment environment, Span<int> actions)
        {
            var grid = (GridVectorEnvironment)environment;
            for (var slot = 0; slot < grid.Count; slot++)
            {
                actions[slot] = ActionAt(grid.AgentCell(slot));
            }
        }

        public void Preferences(IVectorEnvironment environment, Span<float> probabilities, Span<float> values)
        {
            var grid = (GridVectorEnvironment)environment;
            for (var slot = 0; slot < grid.Count; slot++)
            {
                var cell = grid.AgentCell(slot);
                for (var a = 0; a < 4; a++)
                {
                    probabilities[slot * 4 + a] = (float)Probability(cell, a);
                }
                values[slot] = (float)Value(cell);
            }
        }

        /// <summary>Acts the same whenever it acts: nothing to restart.</summary>
        public void RestartActing()
        {
        }

        public void Dispose()
        {
        }
    }

    /// <summary>The same action everywhere.</summary>
    private sealed class FixedActionPolicy(int action) : ITrainedPolicy
    {
        public IReadOnlyList<LearningCurvePoint> LearningCurve => [];

        public string? CheckpointPath => null;

        public void Act(IVectorEnvironment environment, Span<int> actions) => actions.Fill(action);

        /// <summary>Acts the same whenever it acts: nothing to restart.</summary>
        public void RestartActing()
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class FakeTrainer(Func<ITrainedPolicy>? create = null) : ITrainer
    {
        public ITrainedPolicy Train(TrainedPolicy spec, ObjectiveModel baseObjective, int seed, EnvironmentFactory environments,
            TrainingSettings settings, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) => create?.Invoke() ?? new CellPolicy();
    }
}
