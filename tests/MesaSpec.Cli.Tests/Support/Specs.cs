namespace MesaSpec.Cli.Tests.Support;

internal static class Specs
{
    /// <summary>A clean spec (a reference policy, so checking it needs no training).</summary>
    public const string Clean = """
        environment Maze(corner: int = 1) {
          grid 7 x 7
          item cheese spawn corner(top_right, corner)
        }

        environment Anywhere extends Maze {
          item cheese spawn anywhere
        }

        objective EatCheese {
          reward +10 when agent reaches cheese
          reward -0.01 each step
          end when agent reaches cheese
        }

        objective Corner {
          reward +10 when agent reaches corner(top_right)
          reward -0.01 each step
          end when agent reaches corner(top_right)
        }

        experiment Run {
          base objective EatCheese
          mesa objective Corner
          policy oracle(EatCheese)
          evaluate on Maze, Anywhere episodes 20
        }

        """;

    /// <summary>A coin at the far end of an open strip and a policy that walks to it: a run in a second, no training.</summary>
    public const string OracleCoin = """
        environment Strip {
          grid 5 x 3
          walls none
          agent spawn columns(0)
          item coin spawn columns(-1)
          horizon 20
        }

        objective GetCoin {
          reward +10 when agent reaches coin
          end when agent reaches coin
        }

        experiment Coin {
          base objective GetCoin
          policy oracle(GetCoin)
          seeds 1
          evaluate on Strip episodes 5
        }
        """;
}
