using MesaSpec.Language.Binding;
using MesaSpec.Language.Formatting;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Binding;

/// <summary>Moving items (<c>moves chase(agent)</c>), monsters and shields, and rewards with state (<c>unless agent holds</c>, <c>at most</c>).</summary>
public sealed class MovingItemTests
{
    private const string World = """
        environment Monsters {
          grid 7 x 7
          walls border
          item apple count 3
          item shield behaviour shield
          item monster {
            count 2
            behaviour monster
            moves chase(agent)
          }
          horizon 25
        }

        environment Long extends Monsters {
          horizon 200
        }

        """;

    private static string Spec(string objective) => World + objective + """

        objective Shields {
          reward +1 when agent collects shield
        }

        experiment Shift {
          base objective Apples
          mesa objective Shields
          train on Monsters with mlp using ppo(steps: 1k)
          evaluate on Long
        }
        """;

    [Fact]
    public void Conditions_counts_and_movements_bind_into_the_models()
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(Spec("""
            objective Apples {
              reward +1 when agent collects apple, at most 2
              reward -1 when agent touches monster unless agent holds shield
              end when agent touches monster if agent holds shield
            }
            """), "/ws/main.mesa"));
        Check.NoErrors(compilation);
        var point = compilation.PlanFor("Shift")!.Points[0];
        var apples = point.BaseObjective;
        Assert.Equal(2, apples.Rewards[0].AtMost);
        Assert.Null(apples.Rewards[0].Condition);
        Assert.Equal(new HoldCondition(false, "shield"), apples.Rewards[1].Condition);
        Assert.Equal(new HoldCondition(true, "shield"), apples.Ends[0].Condition);
        var monster = point.Evaluations[0].Environment.Items.Single(i => i.Kind == "monster");
        Assert.Equal(ItemBehaviour.Monster, monster.Behaviour);
        Assert.Equal("chase", monster.Movement!.Name);
        Assert.Equal("agent", monster.Movement.Arguments["target"].AsString());
    }

    [Fact]
    public void The_new_syntax_round_trips_through_the_formatter()
    {
        var text = Spec("""
            objective Apples {
              reward +1 when agent collects apple at most 2
              reward -1 when agent touches monster unless agent holds shield
            }
            """);
        var formatted = Formatter.Format(text);
        Assert.Contains("reward +1 when agent collects apple, at most 2", formatted, StringComparison.Ordinal);
        Assert.Contains("reward -1 when agent touches monster unless agent holds shield", formatted, StringComparison.Ordinal);
        Assert.Contains("moves chase(agent)", formatted, StringComparison.Ordinal);
        Assert.Equal(formatted, Formatter.Format(formatted));
    }

    [Fact]
    public void A_chase_target_that_is_neither_the_agent_nor_an_item_kind_is_refused() =>
        Check.Diagnostics(Spec("objective Apples {\n  reward +1 when agent collects apple\n}\n").Replace("moves chase(agent)", "moves chase([|dragon|])"), MovementTargetUnknown);

    [Fact]
    public void A_leader_s_route_names_item_kinds_and_each_is_checked()
    {
        var spec = Spec("objective Apples {\n  reward +1 when agent collects apple\n}\n");
        var compilation = Compilation.Create(SyntaxTree.Parse(spec.Replace("moves chase(agent)", "moves lead(route: [shield, apple])"), "/ws/main.mesa"));
        Check.NoErrors(compilation);
        var monster = compilation.PlanFor("Shift")!.Points[0].Evaluations[0].Environment.Items.Single(i => i.Kind == "monster");
        Assert.Equal("lead", monster.Movement!.Name);
        Check.Diagnostics(spec.Replace("moves chase(agent)", "moves lead(route: [|[shield, dragon]|])"), MovementTargetUnknown);
    }

    [Fact]
    public void A_patrol_s_route_binds_to_cells_each_checked_against_the_grid()
    {
        var spec = Spec("objective Apples {\n  reward +1 when agent collects apple\n}\n");
        var compilation = Compilation.Create(SyntaxTree.Parse(spec.Replace("moves chase(agent)", "moves patrol(route: [cell(1, 1), cell(-2, y: 1)], every: 2)"), "/ws/main.mesa"));
        Check.NoErrors(compilation);
        var monster = compilation.PlanFor("Shift")!.Points[0].Evaluations[0].Environment.Items.Single(i => i.Kind == "monster");
        Assert.Equal([new GridCell(1, 1), new GridCell(-2, 1)], monster.Movement!.Arguments["route"].AsList().Select(v => v.AsCell()));
        // The border's walls are generated, so a waypoint on them binds (the item skips it); outside the grid it does not.
        Check.NoErrors(Compilation.Create(SyntaxTree.Parse(spec.Replace("moves chase(agent)", "moves patrol(route: [cell(0, 0), cell(6, 6)])"), "/ws/main.mesa")));
        Check.DiagnosticsExactly(spec.Replace("moves chase(agent)", "moves patrol(route: [cell(1, 1), [|cell(7, 1)|], [|cell(0, -8)|]])"), CellArgumentInvalid, CellArgumentInvalid);
        Check.DiagnosticsExactly(spec.Replace("moves chase(agent)", "moves patrol(route: [|[cell(1, 1)]|])"), ValueOutOfRange);
        Check.DiagnosticsExactly(spec.Replace("moves chase(agent)", "moves patrol(route: [[|apple|], cell(1, 1)])"), TypeMismatch);
    }

    [Fact]
    public void A_patrol_waypoint_on_a_wall_of_a_layout_is_refused() =>
        Check.Diagnostics("""
            environment Corridor {
              layout {
                "#####"
                "#A..#"
                "#####"
              }
              legend {
                "A" = agent
              }
              item guard behaviour hazard moves patrol(route: [cell(1, 1), [|cell(-1, 1)|]])
            }

            objective Survive {
              reward +1 when agent reaches cell(3, 1)
            }

            experiment Patrol {
              base objective Survive
              policy random
              evaluate on Corridor
            }
            """, CellArgumentInvalid);

    [Fact]
    public void An_unknown_movement_is_an_unknown_component() =>
        Check.Diagnostics(Spec("objective Apples {\n  reward +1 when agent collects apple\n}\n").Replace("moves chase(agent)", "moves [|hover|](1)"), UnknownComponent);

    [Fact]
    public void A_collectable_cannot_move() =>
        Check.Diagnostics(Spec("objective Apples {\n  reward +1 when agent collects apple\n}\n").Replace("item apple count 3", "item apple count 3 [|moves flee(agent)|]"), ItemCannotMove);

    [Fact]
    public void A_condition_on_a_kind_that_is_never_held_is_refused() =>
        Check.Diagnostics(Spec("objective Apples {\n  reward +1 when agent collects apple unless agent holds [|apple|]\n}\n"), ConditionNeverHeld);

    [Fact]
    public void At_most_zero_is_out_of_range() =>
        Check.Diagnostics(Spec("objective Apples {\n  reward +1 when agent collects apple, at most [|0|]\n}\n"), ValueOutOfRange);

    [Fact]
    public void Evaluating_where_an_item_wanders_is_refused() =>
        Check.Diagnostics(Spec("objective Apples {\n  reward +1 when agent collects apple\n}\n")
            .Replace("  horizon 200\n", "  horizon 200\n  item monster moves wander(0.2)\n").Replace("evaluate on Long", "evaluate on [|Long|]"), StochasticMovementUnscorable);
}
