using MesaSpec.Language.Binding;
using MesaSpec.Language.Formatting;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Binding;

/// <summary>Region union (<c>a or b</c>) and relative placement (<c>near(anchor, d)</c>).</summary>
public sealed class RelativePlacementTests
{
    private static string Spec(string items, string target = "cheese") => $$"""
        environment Plate {
          grid 9 x 9
          walls maze
        {{items}}
        }

        objective EatCheese {
          reward +1 when agent reaches {{target}}
          end when agent reaches {{target}}
        }

        objective GoToDish {
          reward +1 when agent reaches dish
          end when agent reaches dish
        }

        experiment Dish {
          base objective EatCheese
          mesa objective GoToDish
          train on Plate with mlp using ppo(steps: 1k)
          evaluate on Plate
        }
        """;

    private static EnvironmentModel Plate(string items)
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(Spec(items), "/ws/main.mesa"));
        Check.NoErrors(compilation);
        return compilation.PlanFor("Dish")!.Points[0].TrainingEnvironment!;
    }

    [Fact]
    public void Near_binds_an_anchor_and_a_distance_defaulting_to_one()
    {
        var plate = Plate("  item dish spawn corner(top_left) or corner(bottom_right)\n  item cheese spawn near(dish)\n  agent spawn anywhere except near(cheese, 3)");
        var cheese = plate.Items.Single(i => i.Kind == "cheese");
        Assert.Equal(new NearRegion("dish", 1), cheese.Spawn);
        var dish = Assert.IsType<UnionRegion>(plate.Items.Single(i => i.Kind == "dish").Spawn);
        Assert.Equal([new CornerRegion(Corner.TopLeft, 1), new CornerRegion(Corner.BottomRight, 1)], dish.Parts);
        var agent = Assert.IsType<DifferenceRegion>(plate.AgentSpawn);
        Assert.Equal(new NearRegion("cheese", 3), agent.Right);
        Assert.True(RegionMath.IsRelative(plate.AgentSpawn));
        Assert.False(RegionMath.IsRelative(dish));
    }

    [Fact]
    public void Or_binds_tighter_than_except()
    {
        var plate = Plate("  item dish spawn rows(0) or rows(-1) except columns(0)\n  item cheese spawn near(dish, 2)");
        var dish = Assert.IsType<DifferenceRegion>(plate.Items.Single(i => i.Kind == "dish").Spawn);
        Assert.IsType<UnionRegion>(dish.Left);
        Assert.Equal(new ColumnsRegion(0, 0), dish.Right);
        Assert.True(RegionMath.Contains(dish, 9, 9, 4, 8));
        Assert.False(RegionMath.Contains(dish, 9, 9, 0, 8));
        Assert.False(RegionMath.Contains(dish, 9, 9, 4, 4));
    }

    [Fact]
    public void Unions_and_differences_round_trip_through_the_formatter_with_the_parentheses_that_matter()
    {
        var text = Spec("  item dish spawn (corner(top_left) except cell(0, 0)) or (corner(bottom_right))\n  item cheese spawn anywhere except near(dish, 2) or rows(0)");
        var formatted = Formatter.Format(text);
        Assert.Contains("item dish spawn (corner(top_left) except cell(0, 0)) or corner(bottom_right)", formatted, StringComparison.Ordinal);
        Assert.Contains("item cheese spawn anywhere except near(dish, 2) or rows(0)", formatted, StringComparison.Ordinal);
        Assert.Equal(formatted, Formatter.Format(formatted));
        Check.NoErrors(Compilation.Create(SyntaxTree.Parse(formatted, "/ws/main.mesa")));
    }

    [Fact]
    public void A_union_of_corners_is_a_reward_target()
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(Spec("  item dish\n  item cheese", "corner(top_left) or corner(top_right)"), "/ws/main.mesa"));
        Check.NoErrors(compilation);
        var target = Assert.IsType<RegionTarget>(compilation.PlanFor("Dish")!.Points[0].BaseObjective.Rewards[0].Target);
        Assert.Equal(2, RegionMath.Cells(target.Region, 9, 9).Count);
    }

    [Fact]
    public void Near_in_a_target_is_refused() =>
        Check.Diagnostics(Spec("  item dish\n  item cheese", "near(dish)").Replace("reaches near(dish)", "reaches [|near(dish)|]"), RelativeRegionAsTarget, RelativeRegionAsTarget);

    [Fact]
    public void An_anchor_that_is_neither_the_agent_nor_an_item_kind_is_refused_with_a_suggestion()
    {
        var compilation = Check.Diagnostics(Spec("  item dish\n  item cheese spawn near([|dishes|], 2)"), AnchorUnknown);
        var diagnostic = Check.Single(compilation, AnchorUnknown);
        Assert.Contains("item kinds: dish, cheese", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'dish'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_as_anchor_is_refused() =>
        Check.Diagnostics(Spec("  item dish\n  item cheese spawn near([|3|])"), AnchorUnknown);

    [Fact]
    public void Anchors_that_come_back_to_themselves_are_a_cycle() =>
        Check.Diagnostics(Spec("  item dish spawn [|near(cheese)|]\n  item cheese spawn near(dish, 2)"), PlacementCycle);

    [Fact]
    public void A_kind_near_itself_is_a_cycle() =>
        Check.Diagnostics(Spec("  item dish\n  item cheese spawn [|anywhere except near(cheese)|]"), PlacementCycle);

    [Fact]
    public void The_distance_is_checked() =>
        Check.Diagnostics(Spec("  item dish\n  item cheese spawn near(dish, [|0|])"), ValueOutOfRange);

    [Fact]
    public void A_relative_region_is_not_counted_as_too_small_before_a_level_exists()
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(Spec("  item dish\n  item cheese count 3 spawn near(dish)"), "/ws/main.mesa"));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == SpawnRegionTooSmall);
    }
}
