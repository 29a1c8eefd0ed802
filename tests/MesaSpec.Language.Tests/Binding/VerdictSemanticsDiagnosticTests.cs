using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Binding;

/// <summary>The checks that keep a run from dying or from measuring what the policy cannot see (issue: verdicts a researcher can trust).</summary>
public sealed class VerdictSemanticsDiagnosticTests
{
    [Fact]
    public void A_model_trained_on_one_grid_size_cannot_be_evaluated_on_another() =>
        Check.DiagnosticsExactly(Specs.Maze + Specs.Objectives + """
            environment Large extends Maze {
              grid 11 x 11
            }

            experiment Run {
              base objective EatCheese
              mesa objective Corner
              train on Maze with mlp using ppo(steps: 1k)
              evaluate on Maze, Anywhere, [|Large|]
            }
            """, ModelDoesNotFitEnvironment);

    [Fact]
    public void The_refusal_names_the_argument_that_frees_a_cnn_from_the_grid_size() =>
        Assert.Contains("give 'cnn' the argument 'pool: global'", RefusalOnALargerGrid("cnn"));

    [Fact]
    public void The_refusal_of_an_mlp_names_the_models_that_accept_any_grid_size()
    {
        var message = RefusalOnALargerGrid("mlp");
        Assert.Contains("'mlp' has a layer for every cell", message);
        Assert.Contains("use a model that accepts grids of any size", message);
        Assert.Contains("cnn(pool: global)", message);
        Assert.Contains("conv_lstm", message);
    }

    [Theory]
    [InlineData("cnn(pool: global)")]
    [InlineData("conv_lstm(size: 8)")]
    public void A_model_that_pools_over_the_grid_is_evaluated_and_fine_tuned_on_any_grid_size(string model) =>
        Check.DiagnosticsExactly(Specs.Maze + Specs.Objectives + LargeMaze + $$"""
            experiment Run {
              base objective EatCheese
              mesa objective Corner
              train on Maze with {{model}} using ppo(steps: 1k)
              then train on Large using ppo(steps: 1k)
              evaluate on Maze, Anywhere, Large
            }
            """);

    [Fact]
    public void A_flattening_cnn_cannot_be_fine_tuned_on_another_grid_size() =>
        Check.DiagnosticsExactly(Specs.Maze + Specs.Objectives + LargeMaze + """
            experiment Run {
              base objective EatCheese
              mesa objective Corner
              train on Maze with cnn(pool: flatten) using ppo(steps: 1k)
              then train on [|Large|] using ppo(steps: 1k)
              evaluate on Maze, Anywhere
            }
            """, PhaseDoesNotFitModel);

    /// <summary>The MS3020 message for <paramref name="model"/> trained on Maze and evaluated on an 11 x 11 grid.</summary>
    private static string RefusalOnALargerGrid(string model) =>
        Check.Single(Check.DiagnosticsExactly(Specs.Maze + Specs.Objectives + LargeMaze + $$"""
            experiment Run {
              base objective EatCheese
              mesa objective Corner
              train on Maze with {{model}} using ppo(steps: 1k)
              evaluate on Maze, Anywhere, [|Large|]
            }
            """, ModelDoesNotFitEnvironment), ModelDoesNotFitEnvironment).Message;

    private const string LargeMaze = """
        environment Large extends Maze {
          grid 11 x 11
        }

        """;

    [Fact]
    public void Windows_of_one_size_fit_every_grid() =>
        Check.DiagnosticsExactly("""
            environment Small {
              grid 7 x 7
              item cheese
              observation window(5)
            }

            environment Large extends Small {
              grid 11 x 11
            }

            objective EatCheese {
              reward +10 when agent reaches cheese
            }

            objective Corner {
              reward +10 when agent reaches corner(top_right)
            }

            experiment Run {
              base objective EatCheese
              mesa objective Corner
              train on Small with mlp using ppo(steps: 1k)
              evaluate on Small, Large
            }
            """);

    [Fact]
    public void An_objective_naming_a_kind_that_looks_like_another_is_warned() =>
        Check.Diagnostics("""
            environment Twins {
              grid 7 x 7
              item goal colour red
              item decoy colour red
            }

            objective Goal {
              reward +1 when agent collects [|goal|]
            }

            experiment Look {
              base objective Goal
              policy random
              evaluate on Twins
            }
            """, TargetLooksLikeAnotherItem);

    [Fact]
    public void The_experiment_level_verdict_is_expected_without_on_and_a_metric_needs_an_environment() =>
        Check.DiagnosticsExactly(Specs.WithExperiment("""
              expect: pseudo_aligned(Corner)
              expect: indistinguishable
              expect: [|score(Corner) > 0.5|]

            """), UnexpectedInput);

    [Fact]
    public void After_a_syntax_error_nothing_that_follows_from_the_unparsed_text_is_reported() =>
        Check.DiagnosticsExactly("""
            environment Maze {
              grid 7 x 7
              walls maze
              item cheese spawn corner(top_right, 1) [|%|]%% skipped
            }

            objective EatCheese {
              reward +10 when agent reaches cheese
            }

            objective GoToCorner {
              reward +10 [|wen|] agent reaches corner(top_right, 1)
            }

            experiment E {
              base objective EatCheese
              mesa objective GoToCorner
              policy oracle(EatCheese) [|%|]%% garbage
              evaluate on Maze episodes 20
            }
            """, UnexpectedInput, UnexpectedInput, UnexpectedInput);
}

/// <summary>Scores use the discount the algorithm maximises: the parameter its descriptor names.</summary>
public sealed class DiscountTests
{
    [Theory]
    [InlineData("train on Maze with mlp using ppo(steps: 1k, gamma: 0.9)", 0.9)]
    [InlineData("train on Maze with mlp using a2c(steps: 1k, gamma: 0.5)", 0.5)]
    [InlineData("train on Maze with mlp using ppo(steps: 1k)", 0.99)]
    [InlineData("policy oracle(EatCheese)", MesaSpec.Language.Model.ExperimentModel.DefaultDiscount)]
    public void The_discount_comes_from_the_algorithm(string source, double discount)
    {
        var spec = Specs.WithExperiment().Replace("  train on Maze with mlp using ppo(steps: 1k)", "  " + source, StringComparison.Ordinal);
        var compilation = MesaSpec.Language.Binding.Compilation.Create(MesaSpec.Language.Syntax.SyntaxTree.Parse(spec, "discount.mesa"));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        Assert.Equal(discount, compilation.Plans.Single().Points[0].Discount, 12);
    }
}
