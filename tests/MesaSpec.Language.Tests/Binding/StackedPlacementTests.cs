using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Binding;

/// <summary>Items that share a cell: <c>on(kind)</c>, its anchors, and what it refuses, each with its code and place.</summary>
public sealed class StackedPlacementTests
{
    private static string Spec(string members, string target = "cheese") => $$"""
        environment Plate {
          grid 9 x 9
          walls maze
        {{members}}
        }

        objective EatCheese {
          reward +1 when agent collects {{target}}
          end when agent collects {{target}}
        }

        objective GoToDish {
          reward +1 when agent collects dish
          end when agent collects dish
        }

        experiment Dish {
          base objective EatCheese
          mesa objective GoToDish
          train on Plate with mlp using ppo(steps: 1k)
          evaluate on Plate
        }
        """;

    [Fact]
    public void On_binds_an_item_kind_as_a_relative_region_that_stacks()
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(Spec("  item dish count 2\n  item cheese count 2 spawn on(dish)"), "/ws/main.mesa"));
        Check.NoErrors(compilation);
        var cheese = compilation.PlanFor("Dish")!.Points[0].TrainingEnvironment!.Items.Single(i => i.Kind == "cheese");
        Assert.Equal(new OnRegion("dish"), cheese.Spawn);
        Assert.True(RegionMath.IsRelative(cheese.Spawn));
        Assert.True(RegionMath.Stacks(cheese.Spawn));
        Assert.Equal(["dish"], RegionMath.Anchors(cheese.Spawn));
    }

    [Fact]
    public void Several_kinds_joined_by_or_and_an_except_are_accepted() =>
        Check.NoErrors(Compilation.Create(SyntaxTree.Parse(
            Spec("  item dish\n  item plate\n  item cheese spawn on(dish) or on(plate) except corner(top_left)"), "/ws/main.mesa")));

    [Fact]
    public void An_item_kind_that_is_not_declared_is_refused_with_a_suggestion()
    {
        var compilation = Check.Diagnostics(Spec("  item dish\n  item cheese spawn on([|dishes|])"), AnchorUnknown);
        var diagnostic = Check.Single(compilation, AnchorUnknown);
        Assert.StartsWith("'on' places on the items of a kind of environment 'Plate'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'dish'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_is_not_an_anchor() =>
        Check.Diagnostics(Spec("  item dish\n  item cheese spawn on([|3|])"), AnchorUnknown);

    [Fact]
    public void On_takes_one_argument() =>
        Check.Diagnostics(Spec("  item dish\n  item cheese spawn on[|(dish, 2)|]"), WrongArgumentCount);

    [Fact]
    public void An_item_on_the_agent_is_refused() =>
        Check.Diagnostics(Spec("  item dish\n  item cheese spawn on([|agent|])"), OnWithAgent);

    [Fact]
    public void The_agent_on_an_item_is_refused() =>
        Check.Diagnostics(Spec("  item dish\n  item cheese\n  agent spawn [|on(dish)|]"), OnWithAgent);

    [Fact]
    public void On_joined_with_free_cells_is_refused() =>
        Check.Diagnostics(Spec("  item dish\n  item cheese spawn [|on(dish) or corner(top_left)|]"), OnMixedWithFreeCells);

    [Fact]
    public void On_in_a_target_is_refused_like_near()
    {
        var compilation = Check.Diagnostics(Spec("  item dish\n  item cheese", "on(dish)").Replace("collects on(dish)", "collects [|on(dish)|]"),
            RelativeRegionAsTarget, RelativeRegionAsTarget);
        Assert.Contains("uses 'on' in a target", compilation.Diagnostics.First(d => d.Code == RelativeRegionAsTarget).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stacks_that_come_back_to_themselves_are_a_cycle()
    {
        var compilation = Check.Diagnostics(Spec("  item dish spawn [|near(cheese)|]\n  item cheese spawn on(dish)"), PlacementCycle);
        Assert.Contains("places 'dish' near 'cheese' on 'dish'", Check.Single(compilation, PlacementCycle).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_items_than_anchors_is_refused_as_a_region_without_room()
    {
        var compilation = Check.Diagnostics(Spec("  item dish count 2\n  item cheese count 3 [|spawn on(dish)|]"), SpawnRegionTooSmall);
        Assert.Contains("the 3 'cheese' items go on distinct items of 'dish', but environment 'Plate' has only 2 of them",
            Check.Single(compilation, SpawnRegionTooSmall).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stacked_items_take_no_cell_of_their_own_in_the_grid_s_capacity() =>
        Check.NoErrors(Compilation.Create(SyntaxTree.Parse("""
            environment Full {
              grid 2 x 2
              item dish count 3
              item cheese count 3 spawn on(dish)
            }
            """, "/ws/main.mesa")));
}
