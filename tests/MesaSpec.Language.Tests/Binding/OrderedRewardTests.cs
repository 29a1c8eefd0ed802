using MesaSpec.Language.Binding;
using MesaSpec.Language.Formatting;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Binding;

/// <summary>Rewards and ends in order: <c>when agent collects beacon after marker</c>.</summary>
public sealed class OrderedRewardTests
{
    private static string Spec(string ordered) => $$"""
        environment Beacons {
          grid 7 x 7
          item marker
          item beacon
          item post behaviour static
          item shield behaviour shield
        }

        objective InOrder {
        {{ordered}}
        }

        objective Any {
          reward +1 when agent collects beacon
        }

        experiment Order {
          base objective InOrder
          mesa objective Any
          train on Beacons with mlp using ppo(steps: 1k)
          evaluate on Beacons
        }
        """;

    [Fact]
    public void After_binds_beside_a_hold_condition_and_a_count()
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(Spec("""
              reward +1 when agent collects beacon after marker unless agent holds shield, at most 1
              end when agent collects beacon after marker
            """), "/ws/main.mesa"));
        Check.NoErrors(compilation);
        var objective = compilation.PlanFor("Order")!.Points[0].BaseObjective;
        Assert.Equal("marker", objective.Rewards[0].After);
        Assert.NotNull(objective.Rewards[0].Condition);
        Assert.Equal(1, objective.Rewards[0].AtMost);
        Assert.Equal("marker", objective.Ends[0].After);
    }

    [Fact]
    public void After_round_trips_through_the_formatter()
    {
        var formatted = Formatter.Format(Spec("  reward +1 when agent collects beacon after marker unless agent holds shield at most 2\n  end when agent collects beacon after marker"));
        Assert.Contains("reward +1 when agent collects beacon after marker unless agent holds shield, at most 2", formatted, StringComparison.Ordinal);
        Assert.Contains("end when agent collects beacon after marker\n", formatted, StringComparison.Ordinal);
        Assert.Equal(formatted, Formatter.Format(formatted));
    }

    [Fact]
    public void After_a_kind_that_never_goes_is_refused() =>
        Check.Diagnostics(Spec("  reward +1 when agent collects beacon after [|post|]"), AfterKindNeverGoes);

    [Fact]
    public void After_an_unknown_kind_is_an_unknown_kind() =>
        Check.Diagnostics(Spec("  reward +1 when agent collects beacon after [|markr|]"), UnknownName);
}
