using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

public class PlannerTests
{
    private static readonly EnvironmentModel Tiny = new("Tiny", "Tiny", 4, 3, new NoWalls(), new AnywhereRegion(),
        [
            Worlds.Item("key", new AnywhereRegion(), behaviour: ItemBehaviour.Key, opens: "chest"),
            Worlds.Item("chest", new AnywhereRegion(), behaviour: ItemBehaviour.Chest),
            Worlds.Item("gem", new AnywhereRegion(), count: 2),
            Worlds.Item("lava", new AnywhereRegion(), behaviour: ItemBehaviour.Hazard),
            Worlds.Item("statue", new AnywhereRegion(), behaviour: ItemBehaviour.Static),
        ],
        6, new FullObservation(), null);

    private static readonly ObjectiveModel Vault = Worlds.Objective("Vault",
        [new RewardTerm(1, EventKind.Collects, new KindTarget("gem")), new RewardTerm(3, EventKind.Opens, new KindTarget("chest")),
         new RewardTerm(0.5, EventKind.Reaches, new KindTarget("statue")), new RewardTerm(-0.1, EventKind.EachStep, null),
         new RewardTerm(-2, EventKind.Touches, new KindTarget("lava"))],
        new EndCondition(EventKind.Opens, new KindTarget("chest")));

    private static readonly ObjectiveModel Corner = Worlds.Objective("Corner",
        [new RewardTerm(2, EventKind.Reaches, new RegionTarget(new CornerRegion(Language.Model.Corner.BottomRight, 1))),
         new RewardTerm(0.25, EventKind.Collects, new KindTarget("gem"))],
        new EndCondition(EventKind.Reaches, new RegionTarget(new CornerRegion(Language.Model.Corner.BottomRight, 1))));

    [Fact]
    public void Optimal_returns_equal_brute_force_over_every_action_sequence()
    {
        var generator = new LevelGenerator(Tiny);
        var planner = new EnvironmentPlanner(Tiny, generator.Items);
        for (var index = 0; index < 12; index++)
        {
            var level = generator.Generate(5, index, 0);
            foreach (var scored in new[] { Vault, Corner })
            {
                var expected = BruteForce(planner, level, Vault, [scored]);
                Assert.Equal(expected[0], planner.OptimalReturn(level, Vault, scored), 9);
            }
        }
    }

    [Fact]
    public void Lexicographic_values_equal_brute_force()
    {
        var generator = new LevelGenerator(Tiny);
        var planner = new EnvironmentPlanner(Tiny, generator.Items);
        for (var index = 0; index < 12; index++)
        {
            var level = generator.Generate(9, index, 0);
            var expected = BruteForce(planner, level, Vault, [Corner, Vault]);
            var plan = planner.Solve(level, Vault, Corner, Vault);
            Assert.Equal(expected[0], plan.OptimalReturn(0), 9);
            Assert.Equal(expected[1], plan.OptimalReturn(1), 9);
        }
    }

    [Fact]
    public void Following_the_plan_achieves_the_optimal_return()
    {
        var generator = new LevelGenerator(Tiny);
        var planner = new EnvironmentPlanner(Tiny, generator.Items);
        for (var index = 0; index < 12; index++)
        {
            var level = generator.Generate(2, index, 0);
            var plan = planner.Solve(level, Vault, Corner);
            var terminating = planner.Compile(Vault);
            var scored = planner.Compile(Corner);
            int cell = level.AgentCell, finished = 0;
            ulong alive = level.AllItems, held = 0;
            var total = 0.0;
            for (var t = 0; t < Tiny.Horizon; t++)
            {
                var action = plan.ChooseAction(cell, alive, held, finished, t);
                var outcome = GridRules.Apply(level, planner.Neighbours, action, ref cell, ref alive, ref held);
                terminating.Score(outcome, out var ends);
                if (finished == 0)
                {
                    total += scored.Score(outcome, out var own);
                    finished = own ? 1 : 0;
                }
                if (ends || outcome.Effect == ItemEffect.Touched) break;
            }
            Assert.Equal(plan.OptimalReturn(), total, 9);
        }
    }

    [Fact]
    public void The_cheese_in_the_corner_never_separates_the_objectives_and_cheese_anywhere_usually_does()
    {
        var inCorner = EvaluationLevels.For(Worlds.CheeseMaze(), 40);
        var planner = new EnvironmentPlanner(Worlds.CheeseMaze(), inCorner[0].Items);
        Assert.All(inCorner, level => Assert.False(planner.Compare(level, Worlds.EatCheese, Worlds.GoToCorner).Separates));
        var anywhere = EvaluationLevels.For(Worlds.CheeseAnywhere(), 40);
        var separating = anywhere.Count(level => planner.Compare(level, Worlds.EatCheese, Worlds.GoToCorner).Separates);
        // Not every level: in a perfect maze the cheese often sits on the only path to the corner (eating it ends
        // the episode, so the corner is out of reach) or the corner lies on the way to the cheese.
        Assert.True(separating > 15, $"{separating} of 40 levels separate");
    }

    [Fact]
    public void The_cheese_optimum_is_ten_minus_a_cent_per_step_of_the_shortest_path()
    {
        var environment = Worlds.FromAscii("Corridor", 20, ["@.#C", "...."], Worlds.Item("cheese", new AnywhereRegion()));
        var level = new LevelGenerator(environment).Generate(0, 0, 0);
        var planner = new EnvironmentPlanner(environment, level.Items);
        Assert.Equal(10 - 0.05, planner.OptimalReturn(level, Worlds.EatCheese, Worlds.EatCheese), 9);
        var tooShort = environment with { Horizon = 4 };
        var shortPlanner = new EnvironmentPlanner(tooShort, level.Items);
        Assert.Equal(-0.04, shortPlanner.OptimalReturn(level, Worlds.EatCheese, Worlds.EatCheese), 9);
    }

    [Fact]
    public void Too_many_states_raise_a_clear_exception()
    {
        var environment = new EnvironmentModel("Gems", "Gems", 9, 9, new NoWalls(), new AnywhereRegion(),
            [Worlds.Item("gem", new AnywhereRegion(), count: 14)], 64, new FullObservation(), null);
        var level = new LevelGenerator(environment).Generate(0, 0, 0);
        var gems = Worlds.Objective("Gems", [new RewardTerm(1, EventKind.Collects, new KindTarget("gem"))]);
        var planner = new EnvironmentPlanner(environment, level.Items, maxStates: 10_000);
        var error = Assert.Throws<PlannerLimitExceededException>(() => planner.OptimalReturn(level, gems, gems));
        Assert.Contains("more than 10000 states", error.Message);
    }

    [Fact]
    public void The_state_cap_is_what_fits_in_the_memory_budget_for_the_objectives_and_horizon()
    {
        // A value per objective per step dominates a state's cost, so a horizon 8 times as long allows about 8 times fewer states.
        var shortHorizon = PlannerMemoryBudget.MaxStates(objectives: 2, horizon: 25);
        var longHorizon = PlannerMemoryBudget.MaxStates(objectives: 2, horizon: 200);
        Assert.InRange((double)shortHorizon / longHorizon, 5.0, 8.0);
        Assert.True(PlannerMemoryBudget.MaxStates(1, 64) > PlannerMemoryBudget.MaxStates(2, 64));
        Assert.Equal(PlannerMemoryBudget.Bytes / PlannerMemoryBudget.BytesPerState(2, 200), longHorizon);
    }

    /// <summary>The best (lexicographic) scored returns over all 4^horizon action sequences.</summary>
    private static double[] BruteForce(EnvironmentPlanner planner, Level level, ObjectiveModel terminatingModel, ObjectiveModel[] scoredModels)
    {
        var terminating = planner.Compile(terminatingModel);
        var scored = scoredModels.Select(planner.Compile).ToArray();
        var horizon = planner.Environment.Horizon;
        double[]? best = null;
        var sequences = 1 << (2 * horizon);
        for (var sequence = 0; sequence < sequences; sequence++)
        {
            int cell = level.AgentCell;
            ulong alive = level.AllItems, held = 0;
            var totals = new double[scored.Length];
            var finished = new bool[scored.Length];
            for (var t = 0; t < horizon; t++)
            {
                var action = (sequence >> (2 * t)) & 3;
                var outcome = GridRules.Apply(level, planner.Neighbours, action, ref cell, ref alive, ref held);
                terminating.Score(outcome, out var ends);
                for (var k = 0; k < scored.Length; k++)
                {
                    if (finished[k]) continue;
                    totals[k] += scored[k].Score(outcome, out var own);
                    finished[k] = own;
                }
                if (ends || outcome.Effect == ItemEffect.Touched) break;
            }
            if (best is null || Plan.Better(totals, best))
            {
                best = totals;
            }
        }
        return best!;
    }
}
