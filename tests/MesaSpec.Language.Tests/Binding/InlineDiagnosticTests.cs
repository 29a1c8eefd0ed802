using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Binding;

/// <summary>Small cases with inline span markup: <c>[|...|]</c> is exactly where the diagnostic must be.</summary>
public sealed class InlineDiagnosticTests
{
    [Fact]
    public void Clean_spec_has_no_diagnostics()
    {
        var compilation = Check.DiagnosticsExactly(Specs.WithExperiment());
        Assert.Single(compilation.Plans, p => p.IsRunnable);
    }

    [Fact]
    public void Unknown_environment_is_reported_on_the_name_with_a_fix() =>
        Assert.Equal("Maze", Check.Diagnostics(Specs.WithExperiment("  expect on [|Maez|]: robustly_aligned\n"), UnknownName)
            .Diagnostics.Single(d => d.Code == UnknownName).Fix!.Edits[0].NewText);

    [Fact]
    public void A_repeated_seed_is_an_error_at_the_repeat() =>
        // Issue 11, item 3: a repeated seed was one sample counted twice, its checkpoint overwriting the first.
        Assert.Contains("distinct", Check.Diagnostics(Specs.WithExperiment("  seeds [1, 2, [|1|]]\n"), ValueOutOfRange)
            .Diagnostics.Single(d => d.Code == ValueOutOfRange).Message, StringComparison.Ordinal);

    [Fact]
    public void A_window_with_two_sizes_says_it_takes_one() =>
        // Issue 11, item 16: 'observation window(3,3)' said "unknown observation".
        Assert.Contains("'window' takes one size (the window is square, e.g. window(5)), but 2 were given", Check.Diagnostics("""
            environment E {
              grid 5 x 5
              observation window[|(3,3)|]
            }
            """, WrongArgumentCount).Diagnostics.Single(d => d.Code == WrongArgumentCount).Message, StringComparison.Ordinal);

    [Fact]
    public void Unknown_item_kind_in_an_objective() =>
        Check.Diagnostics(Specs.Maze + """
            objective O {
              reward +1 when agent collects [|chesse|]
            }
            """, UnknownName);

    [Fact]
    public void Unknown_component_parameter_points_at_its_name() =>
        Check.Diagnostics(Specs.Maze + Specs.Objectives + """
            experiment Run {
              base objective EatCheese
              mesa objective Corner
              train on Maze with mlp([|hiden|]: [64]) using ppo([|setps|]: 1k)
              evaluate on Maze, Anywhere
            }
            """, UnknownArgument, UnknownArgument);

    [Fact]
    public void Region_outside_the_grid() =>
        Check.Diagnostics("""
            environment E {
              grid 5 x 5
              item a spawn [|cell(5, 0)|]
              item b spawn [|rect(4, 4, 2, 1)|]
              agent spawn [|rows(-6)|]
            }
            """, RegionOutsideGrid, RegionOutsideGrid, RegionOutsideGrid);

    [Fact]
    public void Negative_cells_count_from_the_end_and_fit() =>
        Check.DiagnosticsExactly("""
            environment [|E|] {
              grid 5 x 5
              item a spawn cell(-1, -5)
              agent spawn columns(-2, -1) except rows(0)
            }
            """, UnusedDeclaration);

    [Fact]
    public void Duplicate_declaration_and_member() =>
        Check.Diagnostics("""
            environment E {
              grid 5 x 5
              [|grid 6 x 6|]
            }
            objective [|E|] {
              reward +1 each step
            }
            """, DuplicateMember, DuplicateDeclaration);

    [Fact]
    public void Extends_cycle_is_reported_once() =>
        Check.Diagnostics("""
            environment A extends B {
              grid 5 x 5
            }
            environment B extends [|A|] {
              horizon 4
            }
            """, ExtendsCycle);

    [Fact]
    public void Expectation_on_an_environment_not_evaluated_offers_to_add_it()
    {
        var compilation = Check.Diagnostics(Specs.Maze + Specs.Objectives + """
            environment Other extends Maze {
              horizon 10
            }

            experiment Run {
              base objective EatCheese
              mesa objective Corner
              train on Maze with mlp using ppo(steps: 1k)
              evaluate on Maze, Anywhere
              expect on [|Other|]: robustly_aligned
            }
            """, ExpectationOnUnevaluatedEnvironment);
        var fix = Check.Single(compilation, ExpectationOnUnevaluatedEnvironment).Fix!;
        Assert.Equal(", Other", fix.Edits[0].NewText);
    }

    [Fact]
    public void Pseudo_aligned_must_name_a_mesa_objective() =>
        Check.Diagnostics(Specs.WithExperiment("  expect on Anywhere: pseudo_aligned([|EatCheese|])\n"), ProxyNotAMesaObjective);

    [Fact]
    public void Metric_on_an_objective_that_is_not_a_candidate() =>
        Check.Diagnostics(Specs.WithExperiment("  expect on Anywhere: score([|Helper|]) > 0.5\n") + """

            objective Helper {
              reward +1 each step
            }
            """, MetricObjectiveNotACandidate);

    [Fact]
    public void Trend_needs_a_sweep() =>
        Check.Diagnostics(Specs.WithExperiment("  expect on Anywhere: score(Corner) [|increasing|]\n"), SweepExpectationWithoutSweep);

    [Fact]
    public void Sweep_over_an_undeclared_parameter() =>
        Check.Diagnostics(Specs.WithExperiment("  sweep [|corner|] in [1, 2]\n"), SweepParameterUnknown);

    [Fact]
    public void Experiment_without_a_policy_source_gets_a_fix()
    {
        var compilation = Check.Diagnostics(Specs.Maze + Specs.Objectives + """
            experiment [|Run|] {
              base objective EatCheese
              mesa objective Corner
              evaluate on Maze, Anywhere
            }
            """, PolicySourceMissing);
        Assert.Equal("  policy random\n", Check.Single(compilation, PolicySourceMissing).Fix!.Edits[0].NewText);
    }

    [Fact]
    public void No_mesa_objective_is_a_warning() =>
        Assert.Equal(DiagnosticSeverity.Warning, Check.Single(Check.Diagnostics(Specs.Maze + Specs.Objectives + """
            experiment [|Run|] {
              base objective EatCheese
              train on Maze with mlp using ppo(steps: 1k)
              evaluate on Maze, Anywhere
            }
            """, NoMesaObjective), NoMesaObjective).Severity);

    [Fact]
    public void No_distributional_shift() =>
        Check.Diagnostics(Specs.Maze + Specs.Objectives + """
            experiment Run {
              base objective EatCheese
              mesa objective Corner
              train on Maze with mlp using ppo(steps: 1k)
              [|evaluate on Maze, Maze(corner: 1)|]
            }
            """, NoDistributionalShift);

    [Fact]
    public void Target_that_never_spawns_in_an_evaluation_environment() =>
        Check.Diagnostics(Specs.Maze + """
            environment Empty {
              grid 9 x 9
              item cheese spawn anywhere
            }
            objective EatCheese {
              reward +1 when agent reaches cheese
            }
            objective Coins {
              reward +1 when agent collects [|coin|]
            }
            environment CoinRoom {
              grid 3 x 3
              item coin
            }
            experiment Run {
              base objective EatCheese
              mesa objective Coins
              policy random
              evaluate on Empty
            }
            """, TargetNeverSpawns);

    [Fact]
    public void Spawn_region_too_small() =>
        Check.Diagnostics("""
            environment E {
              grid 5 x 5
              item coin count 5 [|spawn corner(top_left, 2)|]
            }
            """, SpawnRegionTooSmall);

    [Fact]
    public void Budget_beyond_the_limit() =>
        Check.Diagnostics(Specs.WithExperiment("  seeds 5\n").Replace("ppo(steps: 1k)", "[|ppo(steps: 9_000M)|]", StringComparison.Ordinal), BudgetTooLarge);

    [Fact]
    public void Budget_within_the_limit_is_fine() =>
        Check.Diagnostics(Specs.WithExperiment().Replace("ppo(steps: 1k)", "ppo(steps: 1_000M)", StringComparison.Ordinal));

    [Fact]
    public void Layout_character_missing_from_the_legend() =>
        Check.Diagnostics("""
            environment E {
              layout {
                "#####"
                "#A.[|Z|]#"
                "#####"
              }
              legend {
                "A" = agent
              }
            }
            """, LayoutProblem);

    [Fact]
    public void Wrong_declaration_kind() =>
        Check.Diagnostics(Specs.WithExperiment("  expect on [|Corner|]: robustly_aligned\n"), WrongDeclarationKind);

    [Fact]
    public void Missing_argument_for_a_parameter_without_default() =>
        Check.Diagnostics(Specs.Maze + Specs.Objectives + """
            environment Sized(size: int) {
              grid size x size
              item cheese
            }
            experiment Run {
              base objective EatCheese
              mesa objective Corner
              train on Maze with mlp using ppo(steps: 1k)
              evaluate on Anywhere, [|Sized|]
            }
            """, MissingArgument);

    [Fact]
    public void Unknown_word_in_a_closed_set() =>
        Check.Diagnostics("""
            environment E {
              grid 5 x 5
              item k behaviour [|kee|]
              observation [|partial|]
            }
            """, UnknownWord, UnknownWord);
}
