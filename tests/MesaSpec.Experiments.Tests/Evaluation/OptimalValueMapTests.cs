using MesaSpec.Experiments.Evaluation;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Experiments.Tests.Evaluation;

/// <summary>
/// Each candidate's optimal return from every free cell of a sample level (the report's optimal value maps): higher
/// beside the target than far from it, none on walls and items, and under the base objective's episode rules.
/// </summary>
public sealed class OptimalValueMapTests
{
    // 5 x 5, one wall at (2, 2); the cheese in the bottom-left corner, the proxy is the top-right corner.
    private const string Spec = """
        environment Room {
          layout {
            "....."
            "....."
            "..#.."
            "....."
            "C...A"
          }
          legend {
            "A" = agent
            "C" = cheese
          }
          item cheese behaviour static
          horizon 20
        }

        objective EatCheese {
          reward +10 when agent reaches cheese
          end when agent reaches cheese
        }

        objective Corner {
          reward +10 when agent reaches corner(top_right)
          end when agent reaches corner(top_right)
        }

        experiment Maps {
          base objective EatCheese
          mesa objective Corner
          policy random
          evaluate on Room episodes 1
        }
        """;

    [Fact]
    public void Each_candidate_is_worth_most_beside_its_target_and_nothing_is_given_for_walls_or_items()
    {
        var (maps, omitted) = Maps(0.9);
        Assert.Null(omitted);
        Assert.Equal(["EatCheese", "Corner"], maps!.Select(m => m.Objective));
        var cheese = maps![0].Values;
        var corner = maps![1].Values;
        Assert.Null(cheese[2][2]); // the wall
        Assert.Null(cheese[4][0]); // the cheese itself
        Assert.Equal(10, cheese[3][0]!.Value, 3); // one step: the first step's reward is not discounted
        Assert.True(cheese[3][0]!.Value > cheese[0][4]!.Value, "beside the cheese must be worth more than the far corner");
        Assert.True(corner[0][3]!.Value > corner[4][1]!.Value, "beside the corner must be worth more than beside the cheese");
    }

    [Fact]
    public void A_proxy_cut_off_by_the_base_objectives_end_is_worth_nothing()
    {
        // Under the base objective's rules the episode ends at the cheese: from the cheese's neighbour the corner is
        // still reachable (walk away), so its value is positive, and it is lower than from the corner's neighbour.
        var (maps, _) = Maps(0.9);
        Assert.InRange(maps![1].Values[4][1]!.Value, 0.1, maps[1].Values[0][3]!.Value);
    }

    private static (IReadOnlyList<MesaSpec.Experiments.Reports.OptimalValueMap>? Maps, string? Omitted) Maps(double discount)
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(Spec, "maps.mesa"));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var point = compilation.Plans.Single().Points[0];
        var setup = EvaluationSetup.Create(point.Evaluations[0], point.BaseObjective, point.MesaObjectives, seed: 0, discount);
        return OptimalValueMaps.For(setup, setup.Levels[0], CancellationToken.None);
    }
}
