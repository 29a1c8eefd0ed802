using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Gridworld.Rendering;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Tests;

/// <summary>
/// Items that share a cell (<c>spawn on(kind)</c>): where generation puts them, the step that takes every item on the
/// cell in item order, the scores of both events, the observation with both channels lit, and the pictures.
/// </summary>
public sealed class StackedItemTests
{
    private static (EnvironmentModel Environment, ObjectiveModel Objective) Compile(string environment, string objective)
    {
        var compilation = Compilation.Create(environment + "\n" + objective);
        Assert.Empty(compilation.Diagnostics.Where(d => d.IsError).Select(d => d.Message));
        return (compilation.InstantiateEnvironment(compilation.Symbols.Lookup("E")!)!, compilation.InstantiateObjective(compilation.Symbols.Lookup("O")!)!);
    }

    private const string Both = """
        objective O {
          reward +1 when agent collects cheese
          reward +2 when agent collects dish
          end when agent collects cheese
        }
        """;

    /// <summary>A row of <paramref name="width"/> cells above an open one: the agent at its left end, the cheese on the dish at its right.</summary>
    private static (EnvironmentModel Environment, ObjectiveModel Objective) CheeseOnDishAtTheEnd(int width) => Compile($$"""
        environment E {
          grid {{width}} x 2
          agent spawn cell(0, 0)
          item dish spawn cell({{width - 1}}, 0)
          item cheese spawn on(dish)
        }
        """, Both);

    /// <summary>One step to the right from the agent's start, with the objective's score of it.</summary>
    private static (Level Level, StepOutcome Outcome, ulong Alive, ulong Held, double Score, bool Ends) StepRight((EnvironmentModel Environment, ObjectiveModel Objective) spec)
    {
        var (environment, objective) = spec;
        var level = new LevelGenerator(environment).Generate(0, 0, 0);
        var neighbours = GridRules.NeighbourTable(environment.Width, environment.Height);
        int cell = level.AgentCell;
        ulong alive = level.AllItems, held = 0;
        var outcome = GridRules.Apply(level, neighbours, 1, ref cell, ref alive, ref held);
        var score = new CompiledObjective(environment, level.Items, objective).Score(outcome, out var ends);
        return (level, outcome, alive, held, score, ends);
    }

    [Fact]
    public void Every_stacked_item_lies_on_a_distinct_anchor_over_many_levels()
    {
        var (environment, _) = Compile("""
            environment E {
              grid 7 x 7
              walls maze
              item dish count 3
              item cheese count 2 spawn on(dish)
              item coin count 4
            }
            """, Both);
        var generator = new LevelGenerator(environment);
        var dishes = new[] { 0, 1, 2 };
        for (var index = 0; index < 300; index++)
        {
            var level = generator.Generate(7, index, LevelSeeds.TrainingSalt);
            var cheeses = new[] { level.ItemCells[3], level.ItemCells[4] };
            Assert.NotEqual(cheeses[0], cheeses[1]);
            foreach (var cell in cheeses)
            {
                Assert.Contains(cell, dishes.Select(d => level.ItemCells[d]));
            }
            // Only the cheese shares a cell: the dishes, coins and agent each have their own.
            var own = dishes.Select(d => level.ItemCells[d]).Concat(Enumerable.Range(5, 4).Select(c => level.ItemCells[c])).Append(level.AgentCell).ToList();
            Assert.Equal(own.Count, own.Distinct().Count());
            for (var item = 0; item < level.Items.ItemCount; item++)
            {
                Assert.NotEqual(0UL, level.ItemsAt[level.ItemCells[item]] & (1UL << item));
            }
            Assert.Equal(level.Items.ItemCount, level.ItemsAt.Sum(mask => System.Numerics.BitOperations.PopCount(mask)));
        }
    }

    [Fact]
    public void A_stack_whose_anchors_are_all_excluded_is_a_generation_error_that_names_it()
    {
        var (environment, _) = Compile("""
            environment E {
              grid 5 x 5
              item dish spawn corner(top_left)
              item cheese spawn on(dish) except corner(top_left)
            }
            """, Both);
        var error = Assert.Throws<LevelGenerationException>(() => new LevelGenerator(environment).Generate(0, 0, LevelSeeds.TrainingSalt));
        Assert.Contains("cannot place 1 x 'cheese' on(dish) except corner(top_left, 1), each on a distinct item", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stepping_onto_a_stack_collects_every_item_on_it_and_scores_both_events()
    {
        var (level, outcome, alive, _, score, ends) = StepRight(CheeseOnDishAtTheEnd(2));
        Assert.Equal(0b11UL, level.ItemsAt[1]);
        Assert.Equal(0UL, alive);
        Assert.Equal(0b11UL, outcome.Reached);
        Assert.Equal(0b11UL, outcome.Collected);
        Assert.Equal(0, outcome.Item); // the lowest: the dish, declared first
        Assert.Equal(3, score);
        Assert.True(ends);
    }

    [Theory]
    [InlineData("key", "chest", true)]  // the key first in item order: picked up, then it opens the chest in the same step
    [InlineData("chest", "key", false)] // the chest first: still closed when the key is picked up
    public void Items_on_one_cell_are_resolved_in_item_order(string first, string second, bool opens)
    {
        var declarations = new Dictionary<string, string>
        {
            ["key"] = "item key behaviour key spawn " + (first == "key" ? "cell(1, 0)" : "on(chest)"),
            ["chest"] = "item chest behaviour chest spawn " + (first == "chest" ? "cell(1, 0)" : "on(key)"),
        };
        var (environment, objective) = Compile($$"""
            environment E {
              grid 3 x 2
              agent spawn cell(0, 0)
              {{declarations[first]}}
              {{declarations[second]}}
            }
            """, """
            objective O {
              reward +1 when agent opens chest
            }
            """);
        var (_, outcome, alive, held, score, _) = StepRight((environment, objective));
        var chest = first == "chest" ? 0 : 1;
        Assert.Equal(opens ? ItemEffect.Opened : ItemEffect.None, outcome.EffectOn(chest));
        Assert.Equal(ItemEffect.Collected, outcome.EffectOn(1 - chest));
        Assert.Equal(opens ? 1 : 0, score);
        Assert.Equal(opens ? 0UL : 1UL << chest, alive);
        Assert.Equal(opens ? 0UL : 1UL << (1 - chest), held);
    }

    [Theory]
    [InlineData("full")]
    [InlineData("window(3)")]
    public void A_stack_lights_the_channels_of_both_items_on_its_cell(string observation)
    {
        var (environment, objective) = Compile($$"""
            environment E {
              grid 5 x 5
              agent spawn cell(2, 2)
              item dish shape dish spawn cell(2, 1)
              item cheese colour yellow spawn on(dish)
              observation {{observation}}
            }
            """, Both);
        var env = GridVectorEnvironment.ForTraining(environment, objective, 1, seed: 0);
        var shape = env.ObservationShape;
        var observed = new float[shape.Size];
        env.Observe(0, observed);
        var layout = ObservationLayout.For(environment);
        var plane = shape.Height * shape.Width;
        var at = observation == "full" ? 1 * 5 + 2 : 0 * 3 + 1; // the cell above the agent
        var dish = layout.ChannelsOf(environment.Items[0]);
        var cheese = layout.ChannelsOf(environment.Items[1]);
        Assert.Single(dish);
        Assert.Single(cheese);
        Assert.NotEqual(dish[0], cheese[0]);
        Assert.Equal(1f, observed[dish[0] * plane + at]);
        Assert.Equal(1f, observed[cheese[0] * plane + at]);
        Assert.Equal(2, observed.Where((v, i) => i >= ObservationLayout.FirstItemChannel * plane && i < (ObservationLayout.FirstItemChannel + layout.Features.Count) * plane).Count(v => v != 0));
    }

    [Fact]
    public void A_picture_shows_the_item_on_top_and_the_legend_says_what_it_is_on()
    {
        // The cheese is declared first, so it is first in item order, but it sits on the dish: the picture shows it.
        var (environment, _) = Compile("""
            environment E {
              grid 2 x 2
              agent spawn cell(0, 0)
              item cheese colour yellow spawn on(dish)
              item dish spawn cell(1, 0)
            }
            """, Both);
        var level = new LevelGenerator(environment).Generate(0, 0, 0);
        Assert.Equal([1, 0], level.Items.DrawingOrder);
        var picture = LevelRenderer.Render(level);
        Assert.StartsWith("AC\n", picture, StringComparison.Ordinal);
        Assert.Contains("C cheese (yellow, on dish), D dish", picture, StringComparison.Ordinal);
        Assert.StartsWith("AD\n", LevelRenderer.Render(level, level.AgentCell, 0b10), StringComparison.Ordinal); // the cheese gone
    }

    [Fact]
    public void The_planner_takes_a_stack_in_one_step()
    {
        var (environment, objective) = CheeseOnDishAtTheEnd(4);
        var level = new LevelGenerator(environment).Generate(0, 0, 0);
        var planner = new EnvironmentPlanner(environment, level.Items, discount: 1);
        Assert.Equal(3, planner.OptimalReturn(planner.ForLevel(level, objective), objective));
    }
}
