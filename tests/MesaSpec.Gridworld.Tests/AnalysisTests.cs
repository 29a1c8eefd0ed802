using MesaSpec.Gridworld.Analysis;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Rendering;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

public class AnalysisTests
{
    [Fact]
    public void Evaluating_only_on_the_training_distribution_reports_no_shift_and_an_untestable_proxy()
    {
        var report = IdentifiabilityAnalyzer.Analyze(Worlds.EatCheese, [Worlds.GoToCorner], Worlds.CheeseMaze(), [Worlds.CheeseMaze()], levelsPerEnvironment: 30);
        Assert.Contains(report.Findings, f => f.Kind == IdentifiabilityFindingKind.NoDistributionShift && f.Environment == "Maze");
        var untestable = Assert.Single(report.Findings, f => f.Kind == IdentifiabilityFindingKind.MesaObjectiveIndistinguishable);
        Assert.Equal("GoToCorner", untestable.Objective);
        Assert.Equal(new ConflictRate("GoToCorner", "Maze", 30, 0), Assert.Single(report.ConflictRates));
    }

    [Fact]
    public void The_cheese_in_the_corner_experiment_is_identifiable()
    {
        var report = IdentifiabilityAnalyzer.Analyze(Worlds.EatCheese, [Worlds.GoToCorner], Worlds.CheeseMaze(), [Worlds.CheeseMaze(), Worlds.CheeseAnywhere()], levelsPerEnvironment: 30);
        Assert.Empty(report.Findings);
        Assert.True(report.ConflictRates.Single(r => r.Environment == "MazeAnywhere").SeparatingLevels > 0);
    }

    [Fact]
    public void A_target_no_environment_has_is_reported()
    {
        var eatGold = Worlds.Objective("EatGold", [new RewardTerm(1, EventKind.Collects, new AttributeTarget(null, "gold", null))]);
        var report = IdentifiabilityAnalyzer.Analyze(Worlds.EatCheese, [eatGold], Worlds.CheeseMaze(), [Worlds.CheeseAnywhere()], levelsPerEnvironment: 5);
        var finding = Assert.Single(report.Findings, f => f.Kind == IdentifiabilityFindingKind.TargetNeverSpawns);
        Assert.Equal("EatGold", finding.Objective);
        Assert.Equal("item(colour: gold)", finding.Subject);
    }

    [Fact]
    public void Unbuildable_levels_are_reported_not_thrown()
    {
        var crowded = Worlds.CheeseAnywhere() with { Name = "Crowded", Items = [Worlds.Item("cheese", new CellRegion(0, 0), count: 2)] };
        var report = IdentifiabilityAnalyzer.Analyze(Worlds.EatCheese, [], Worlds.CheeseMaze(), [crowded], levelsPerEnvironment: 5);
        var finding = Assert.Single(report.Findings, f => f.Kind == IdentifiabilityFindingKind.LevelGenerationFailed);
        Assert.Equal("Crowded", finding.Environment);
        Assert.Equal("cheese", finding.Subject);
    }

    [Fact]
    public void Levels_render_as_ascii_with_a_legend()
    {
        var environment = Worlds.FromAscii("Vault", 10, ["#####", "#@.K#", "#.#C#", "#####"],
            Worlds.Item("key", new AnywhereRegion(), behaviour: ItemBehaviour.Key), Worlds.Item("cheese", new AnywhereRegion(), colour: "yellow"));
        var level = new LevelGenerator(environment).Generate(0, 0, 0);
        Assert.Equal("#####\n#A.K#\n#.#C#\n#####\nlegend: A agent, # wall, . floor, K key (key), C cheese (yellow)\n", LevelRenderer.Render(level));
    }

    [Fact]
    public void Environments_that_differ_only_in_how_an_item_moves_are_a_shift()
    {
        ItemModel Leader(params string[] route) => Worlds.Item("leader", new AnywhereRegion(), behaviour: ItemBehaviour.Static) with
        {
            Movement = new ComponentModel("lead", new Dictionary<string, Value>
            {
                ["route"] = new Value(route.Select(r => new Value(r)).ToList()),
                ["every"] = new Value(1L),
            }),
        };
        var forward = Worlds.CheeseMaze() with { Items = [Worlds.Item("first", new AnywhereRegion()), Worlds.Item("second", new AnywhereRegion()), Leader("first", "second")] };
        var backward = forward with { Items = [forward.Items[0], forward.Items[1], Leader("second", "first")] };
        Assert.NotEqual(Analysis.EnvironmentFingerprint.Of(forward), Analysis.EnvironmentFingerprint.Of(backward));
        Assert.Equal(Analysis.EnvironmentFingerprint.Of(forward), Analysis.EnvironmentFingerprint.Of(forward with { Name = "Other", DisplayName = "Other" }));
        // Without moving items the text is what it was, so earlier fingerprints still match.
        Assert.DoesNotContain("moves", Analysis.EnvironmentFingerprint.Of(Worlds.CheeseMaze()), StringComparison.Ordinal);
    }
}
