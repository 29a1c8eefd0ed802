using MesaSpec.Gridworld.Analysis;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

/// <summary>
/// check's first line of defence against levels the planner cannot hold (MS3015): the state estimate against the cap,
/// confirmed by counting a sampled level's states. Sets the budget variable, so it runs with the budget tests.
/// </summary>
[Collection(nameof(PlannerBudgetTests))]
public sealed class PlannerSizeCheckTests
{
    private static readonly ObjectiveModel Gems = Worlds.Objective("Gems", [new RewardTerm(1, EventKind.Collects, new KindTarget("gem"))]);

    private static readonly ObjectiveModel Apples = Worlds.Objective("Apples",
        [new RewardTerm(1, EventKind.Collects, new KindTarget("apple")),
         new RewardTerm(-1, EventKind.Touches, new KindTarget("monster")) { Condition = new HoldCondition(false, "shield") }]);

    private static readonly ObjectiveModel Shields = Worlds.Objective("Shields", [new RewardTerm(1, EventKind.Collects, new KindTarget("shield"))]);

    [Fact]
    public void Levels_whose_estimate_and_count_exceed_the_cap_are_found_before_planning_with_the_estimate_and_the_cap()
    {
        var environment = new EnvironmentModel("Gems", "Gems", 9, 9, new NoWalls(), new AnywhereRegion(),
            [Worlds.Item("gem", new AnywhereRegion(), count: 14)], 64, new FullObservation(), null);
        var (report, cap) = WithBudgetOf(8, () => (IdentifiabilityAnalyzer.Analyze(Gems, [Worlds.GoToCorner], environment, [environment], levelsPerEnvironment: 4),
            PlannerMemoryBudget.MaxStates(1, environment.Horizon)));
        var finding = Assert.Single(report.Findings, f => f.Kind == IdentifiabilityFindingKind.PlannerStatesOverCap);
        Assert.Equal("Gems", finding.Environment);
        Assert.Contains($"up to {81 * (1 << 14):N0} states a level", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"over the cap of {cap:N0}", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.Kind is IdentifiabilityFindingKind.PlannerLimitExceeded or IdentifiabilityFindingKind.MesaObjectiveIndistinguishable);
        Assert.Empty(report.ConflictRates);
    }

    [Fact]
    public void An_estimate_over_the_cap_is_not_a_finding_when_the_levels_fit_as_where_monsters_chase()
    {
        var monster = Worlds.Item("monster", new AnywhereRegion(), count: 2, behaviour: ItemBehaviour.Monster) with
        {
            Movement = new ComponentModel("chase", new Dictionary<string, Value> { ["target"] = new("agent") }) { Descriptor = BuiltinComponents.Chase },
        };
        var environment = new EnvironmentModel("Monsters", "Monsters", 7, 7, new NoWalls(), new AnywhereRegion(),
            [Worlds.Item("apple", new AnywhereRegion(), count: 2), Worlds.Item("shield", new AnywhereRegion(), behaviour: ItemBehaviour.Shield), monster],
            12, new FullObservation(), null);
        var levels = EvaluationLevels.For(environment, 4);
        var (report, cap) = WithBudgetOf(8, () => (IdentifiabilityAnalyzer.Analyze(Apples, [Shields], environment, [environment], levelsPerEnvironment: 4),
            PlannerMemoryBudget.MaxStates(2, environment.Horizon)));
        var planner = new EnvironmentPlanner(environment, levels[0].Items, maxStates: int.MaxValue);
        foreach (var level in levels)
        {
            var estimate = PlannerStateEstimate.UpperBound(level, environment.Horizon, Apples, [Shields, Apples]);
            var states = planner.ForLevel(level, Apples).StateCount([planner.Compile(Shields), planner.Compile(Apples)]);
            Assert.True(estimate > cap && states < cap && states <= estimate, $"estimate {estimate}, states {states}, cap {cap}");
        }
        Assert.DoesNotContain(report.Findings, f => f.Kind is IdentifiabilityFindingKind.PlannerStatesOverCap or IdentifiabilityFindingKind.PlannerLimitExceeded);
        Assert.Single(report.ConflictRates);
    }

    /// <summary>Runs <paramref name="analyze"/> with a planner budget of <paramref name="megabytes"/>.</summary>
    private static T WithBudgetOf<T>(int megabytes, Func<T> analyze)
    {
        var before = Environment.GetEnvironmentVariable(PlannerMemoryBudget.Variable);
        try
        {
            Environment.SetEnvironmentVariable(PlannerMemoryBudget.Variable, megabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return analyze();
        }
        finally
        {
            Environment.SetEnvironmentVariable(PlannerMemoryBudget.Variable, before);
        }
    }
}
