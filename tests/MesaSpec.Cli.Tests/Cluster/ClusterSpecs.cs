using System.Text.Json.Nodes;

namespace MesaSpec.Cli.Tests.Cluster;

/// <summary>Small sweeps for distributed runs, and the part of a report that must not depend on where tasks ran.</summary>
internal static class ClusterSpecs
{
    /// <summary>2 points x 2 seeds; <paramref name="policy"/> is a policy line or a train line. Two-episode environments would make later seeds sample too.</summary>
    public static string Sweep(string policy, int episodes = 10) => $$"""
        environment Maze(corner: int = 1) {
          grid 7 x 7
          walls maze
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
          end when agent reaches corner(top_right)
        }

        experiment Sweep(corner: int = 1) {
          base objective EatCheese
          mesa objective Corner
          {{policy}}
          seeds 2
          evaluate on Maze(corner: corner) episodes {{episodes}}
          evaluate on Anywhere episodes {{episodes}}
          sweep corner in [1, 3]
        }
        """;

    public const string Tiny = "train on Maze(corner: corner) with mlp(hidden: [16]) using ppo(steps: 2048, envs: 8, rollout: 32)";

    /// <summary>report.json without what legitimately differs between two runs of the same tasks: times and paths.</summary>
    public static string Comparable(string reportJson)
    {
        var report = JsonNode.Parse(reportJson)!.AsObject();
        foreach (var field in new[] { "startedAt", "finishedAt", "durationSeconds", "settings" })
        {
            report.Remove(field);
        }
        foreach (var point in report["points"]!.AsArray())
        {
            foreach (var training in point!["training"]!.AsArray())
            {
                training!.AsObject().Remove("seconds");
                training.AsObject().Remove("stepsPerSecond");
                training.AsObject().Remove("checkpoint");
                foreach (var phase in training["phases"]?.AsArray() ?? [])
                {
                    phase!.AsObject().Remove("checkpoint");
                }
            }
        }
        return report.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}
