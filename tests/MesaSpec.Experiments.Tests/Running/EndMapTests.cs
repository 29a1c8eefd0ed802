using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>Issue 17: where every evaluation episode of every seed ended, per environment.</summary>
public sealed class EndMapTests
{
    [Fact]
    public void An_oracle_for_the_corner_ends_every_episode_in_the_corner_and_one_for_the_cheese_ends_on_it()
    {
        var plan = Plan();
        var corner = plan.Points[0].MesaObjectives.Single(o => o.Name == "GoToCorner");
        var report = Run(plan, new OraclePolicy(corner));
        var maze = report.Points[0].Evaluations.Single(e => e.Environment == "Maze");
        var map = maze.EndMap!;
        Assert.Equal(7, map.Count);
        Assert.All(map, row => Assert.Equal(7, row.Length));
        // Two seeds of 20 episodes; in Maze the cheese sits in the corner, so every episode ends there.
        Assert.Equal(40, map.Sum(r => r.Sum()));
        Assert.Equal(40, map[0][6]);

        var cheese = Run(plan, new OraclePolicy(plan.Points[0].BaseObjective)).Points[0].Evaluations.Single(e => e.Environment == "MazeAnywhere").EndMap!;
        Assert.Equal(40, cheese.Sum(r => r.Sum()));
        Assert.Equal(0, cheese[0][6]); // MazeAnywhere's cheese is never in the corner
        Assert.True(cheese.Count(r => r.Any(c => c > 0)) > 1, "the cheese is found all over the maze");
    }

    [Fact]
    public void Every_episode_of_every_seed_is_counted_once_and_the_map_survives_report_json()
    {
        var report = Run(Plan(), new RandomPolicy());
        foreach (var evaluation in report.Points[0].Evaluations)
        {
            Assert.Equal(40, evaluation.EndMap!.Sum(r => r.Sum()));
        }
        var read = ReportJson.Deserialize(ReportJson.Serialize(report))!;
        Assert.Equal(report.Points[0].Evaluations[1].EndMap!.SelectMany(r => r), read.Points[0].Evaluations[1].EndMap!.SelectMany(r => r));
    }

    private static ExperimentPlan Plan() => ExampleRuns.Plan();

    private static RunReport Run(ExperimentPlan plan, PolicySource policy) =>
        ExampleRuns.Run(plan, policy, new RunOptions(SamplesPerEnvironment: 0)).Report;
}
