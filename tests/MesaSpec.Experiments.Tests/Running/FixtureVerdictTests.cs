using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>
/// Specs written from the papers but not among the examples (tests/.../Fixtures): the reference-policy verdicts
/// on each with two seeds, and the cases the old measurement got wrong.
/// </summary>
public sealed class FixtureVerdictTests
{
    private static string Fixture(string name) => Path.Combine(RepositoryFiles.Root, "tests", "MesaSpec.Experiments.Tests", "Fixtures", name);

    public static TheoryData<string> Fixtures() => new(Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "tests", "MesaSpec.Experiments.Tests", "Fixtures"), "*.mesa")
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reference_policies_get_the_verdict_they_were_built_to_get(string fixture) =>
        ReferencePolicyVerdicts.Check(Fixture(fixture), episodes: 60, seeds: [0, 1]);

    [Fact]
    public void A_random_walk_that_often_reaches_the_goal_of_a_small_world_is_still_a_capability_failure()
    {
        var (plan, model) = Load("room-proxy.mesa");
        var report = ReferencePolicyVerdicts.Run(plan, model with { Policy = new RandomPolicy() }, 60, [0, 1]);
        var test = report.Evaluations.Single(e => e.Environment == "RightRoomGoal");
        Assert.Equal("capability_failure", test.Verdict);
        Assert.True(test.Objectives[0].ScoreAll.Mean > 0.2, $"the random walk scores the goal {test.Objectives[0].ScoreAll.Mean}: the test needs a world where that is high");
        Assert.All(test.Objectives, o => Assert.False(o.Capable));
    }

    [Fact]
    public void A_policy_capable_in_training_and_stuck_under_shift_is_a_capability_misgeneralisation()
    {
        var (plan, model) = Load("open-grid-to-maze.mesa");
        var trained = model with { Seeds = [0, 1], Evaluations = model.Evaluations.Select(e => e with { Episodes = 60 }).ToList() };
        var runner = new ExperimentRunner(new FixedPolicyTrainer(() => new StraightForTheCheese()), new RunOptions(SamplesPerEnvironment: 0));
        var report = runner.Run(plan with { Points = [trained], Sweep = null }, new SpecInfo("", "", ""), null, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, report.Status);
        var open = report.Evaluations.Single(e => e.Environment == "OpenGrid");
        var maze = report.Evaluations.Single(e => e.Environment == "MazeShift");
        Assert.NotEqual("capability_failure", open.Verdict);
        Assert.Equal("capability_failure", maze.Verdict);
        Assert.Equal("capability_failure", report.Verdict);
        Assert.Equal("capability", report.Misgeneralisation);
    }

    [Fact]
    public void Episodes_on_a_finite_level_set_are_counted_as_levels_not_as_independent_episodes()
    {
        var (plan, model) = Load("few-levels.mesa");
        var report = ReferencePolicyVerdicts.Run(plan, model with { Policy = new OraclePolicy(model.BaseObjective) }, 60, [0, 1]);
        var training = report.Evaluations.Single(e => e.Environment == "FewMazes");
        var fresh = report.Evaluations.Single(e => e.Environment == "FreshMazes");
        Assert.InRange(training.Levels, 2, 6); // 3 levels per seed (the same set for every seed)
        Assert.Equal(120, fresh.Levels);
        var random = training.RandomBaseline[0].ScoreAll;
        Assert.Equal(120, random.Count);
        Assert.InRange(random.Levels, 2, 6);
        Assert.Equal(2, random.Seeds);
    }

    [Fact]
    public void A_colour_proxy_is_observable_and_testable_once_the_colours_swap()
    {
        var (plan, model) = Load("colour-swap.mesa");
        var layout = ObservationLayout.For(model);
        Assert.Equal(["colour blue", "colour red"], layout.Features);
        var report = ReferencePolicyVerdicts.Run(plan, model with { Policy = new OraclePolicy(model.MesaObjectives[0]) }, 60, [0, 1]);
        Assert.Equal("indistinguishable", report.Evaluations.Single(e => e.Environment == "RedGoal").Verdict);
        var swapped = report.Evaluations.Single(e => e.Environment == "SwappedColours");
        Assert.Equal(("pseudo_aligned", "CollectRed"), (swapped.Verdict, swapped.Proxy));
        Assert.Equal(("pseudo_aligned", "CollectRed", "goal"), (report.Verdict, report.Proxy, report.Misgeneralisation));
    }

    [Fact]
    public void A_trend_over_a_sweep_needs_a_significant_slope_across_seeds()
    {
        var (plan, model) = Load("levels-sweep.mesa");
        var points = plan.Points.Select(p => p with
        {
            Policy = new OraclePolicy(p.BaseObjective),
            Evaluations = p.Evaluations.Select(e => e with { Episodes = 30 }).ToList(),
        }).ToList();
        var runner = new ExperimentRunner(trainer: null, new RunOptions(SamplesPerEnvironment: 0));
        var report = runner.Run(plan with { Points = points }, new SpecInfo("", "", ""), null, CancellationToken.None);
        Assert.Equal(3, report.Points.Count);
        Assert.All(report.Points, p => Assert.Equal("robustly_aligned", p.Verdict));
        // The oracle scores the cheese 1 at every point: no trend, so neither expectation may pass.
        Assert.All(report.Expectations, e => Assert.False(e.Passed, e.Detail));
        Assert.All(report.Expectations, e => Assert.True(e.Inconclusive, e.Detail));

        var oneSeed = runner.Run(plan with { Points = points.Select(p => p with { Seeds = [0] }).ToList() }, new SpecInfo("", "", ""), null, CancellationToken.None);
        Assert.All(oneSeed.Expectations, e => Assert.Contains("needs at least two seeds", e.Detail));
    }

    /// <summary>A trainer that hands out a fixed policy: the measurement's side of a trained run, without training.</summary>
    private sealed class FixedPolicyTrainer(Func<ITrainedPolicy> policy) : ITrainer
    {
        public ITrainedPolicy Train(TrainedPolicy spec, ObjectiveModel baseObjective, int seed, EnvironmentFactory environments,
            TrainingSettings settings, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) => policy();
    }

    private static (ExperimentPlan Plan, ExperimentModel Model) Load(string fixture)
    {
        var path = Fixture(fixture);
        var compilation = Compilation.Create(SyntaxTree.Parse(File.ReadAllText(path), path));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var plan = compilation.Plans.Single();
        return (plan, plan.Points[0]);
    }

    /// <summary>Walks straight toward the nearest cheese, ignoring walls: competent on an open grid, stuck in a maze.</summary>
    private sealed class StraightForTheCheese : ITrainedPolicy
    {
        public string? CheckpointPath => null;

        public IReadOnlyList<LearningCurvePoint> LearningCurve => [];

        public void Act(IVectorEnvironment environment, Span<int> actions)
        {
            var grid = (GridVectorEnvironment)environment;
            var width = grid.Environment.Width;
            for (var slot = 0; slot < grid.Count; slot++)
            {
                var level = grid.LevelOf(slot);
                var alive = grid.AliveItems(slot);
                var item = System.Numerics.BitOperations.TrailingZeroCount(alive == 0 ? 1UL : alive);
                var (ax, ay) = (grid.AgentCell(slot) % width, grid.AgentCell(slot) / width);
                var (tx, ty) = (level.ItemCells[item] % width, level.ItemCells[item] / width);
                actions[slot] = tx > ax ? 1 : tx < ax ? 3 : ty > ay ? 2 : 0; // up, right, down, left
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
}
