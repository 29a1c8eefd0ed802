using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

/// <summary>Sets the process-wide budget variable, so nothing else may plan while it runs.</summary>
[CollectionDefinition(nameof(PlannerBudgetTests), DisableParallelization = true)]
public sealed class PlannerBudgetCollection;

[Collection(nameof(PlannerBudgetTests))]
public sealed class PlannerBudgetTests
{
    [Fact]
    public void Without_a_cap_the_planner_refuses_at_the_memory_budget_and_says_so()
    {
        var environment = new EnvironmentModel("Gems", "Gems", 9, 9, new NoWalls(), new AnywhereRegion(),
            [Worlds.Item("gem", new AnywhereRegion(), count: 14)], 64, new FullObservation(), null);
        var level = new LevelGenerator(environment).Generate(0, 0, 0);
        var gems = Worlds.Objective("Gems", [new RewardTerm(1, EventKind.Collects, new KindTarget("gem"))]);
        var before = Environment.GetEnvironmentVariable(PlannerMemoryBudget.Variable);
        try
        {
            Environment.SetEnvironmentVariable(PlannerMemoryBudget.Variable, "8");
            var cap = PlannerMemoryBudget.MaxStates(1, 64);
            Assert.Equal(8L * 1024 * 1024 / PlannerMemoryBudget.BytesPerState(1, 64), cap);
            var error = Assert.Throws<PlannerLimitExceededException>(() => new EnvironmentPlanner(environment, level.Items).OptimalReturn(level, gems, gems));
            Assert.Contains($"more than {cap} states", error.Message, StringComparison.Ordinal);
            Assert.Contains("a budget of 8 MB", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PlannerMemoryBudget.Variable, before);
        }
    }
}
