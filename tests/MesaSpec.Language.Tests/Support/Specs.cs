namespace MesaSpec.Language.Tests.Support;

/// <summary>Small valid declarations that tests combine with the construct under test.</summary>
internal static class Specs
{
    public const string Maze = """
        environment Maze(corner: int = 1) {
          grid 9 x 9
          walls maze
          item cheese spawn corner(top_right, corner)
        }

        environment Anywhere extends Maze {
          item cheese spawn anywhere
        }

        """;

    public const string Objectives = """
        objective EatCheese {
          reward +10 when agent reaches cheese
          end when agent reaches cheese
        }

        objective Corner {
          reward +10 when agent reaches corner(top_right)
        }

        """;

    /// <summary>A complete, clean spec: <see cref="Maze"/>, <see cref="Objectives"/> and an experiment with <paramref name="members"/> added.</summary>
    public static string WithExperiment(string members = "") => Maze + Objectives + $$"""
        experiment Run {
          base objective EatCheese
          mesa objective Corner
          train on Maze with mlp using ppo(steps: 1k)
          evaluate on Maze, Anywhere
        {{members}}}
        """;
}
