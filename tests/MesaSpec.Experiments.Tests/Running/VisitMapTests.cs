using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>Issue 17: where the agent was relative to each objective's target, over every step, level and seed.</summary>
public sealed class VisitMapTests
{
    [Fact]
    public void An_oracle_gathers_at_the_centre_of_its_own_objective_s_map()
    {
        var plan = ExampleRuns.Plan();
        var corner = plan.Points[0].MesaObjectives.Single(o => o.Name == "GoToCorner");

        var cheeseOracle = MazeAnywhere(Run(plan, new OraclePolicy(plan.Points[0].BaseObjective)));
        var (cheese, cornerSeenByCheeseOracle) = (Map(cheeseOracle, "EatCheese"), Map(cheeseOracle, "GoToCorner"));
        Assert.Equal((13, 13), (cheese.Height, cheese.Width)); // 7 x 7 levels: offsets -6..6
        // Two seeds of 20 episodes, each ending on the cheese: the only steps on the target are the 40 ends.
        Assert.Equal(40, cheese[6, 6]);
        // Every step is counted once on each map (both objectives point at cells on every level).
        Assert.Equal(Total(cheese), Total(cornerSeenByCheeseOracle));

        var cornerOracle = MazeAnywhere(Run(plan, new OraclePolicy(corner)));
        var (atCorner, cheeseSeenByCornerOracle) = (Map(cornerOracle, "GoToCorner"), Map(cornerOracle, "EatCheese"));
        Assert.True(atCorner[6, 6] >= 40, $"the corner oracle reaches the corner in every episode ({atCorner[6, 6]})");
        Assert.True(Share(atCorner) > 4 * Share(cheeseSeenByCornerOracle), "the corner's centre, not the cheese's, holds the corner oracle");
        // The corner is top right: every visit sits left of it or on it, and below it or on it.
        for (var row = 0; row < atCorner.Height; row++)
        {
            for (var column = 0; column < atCorner.Width; column++)
            {
                Assert.True(atCorner[row, column] == 0 || (row >= 6 && column <= 6), $"a visit at row {row}, column {column}");
            }
        }
    }

    [Fact]
    public void The_maps_survive_report_json_and_are_drawn_in_report_html()
    {
        var report = Run(ExampleRuns.Plan(), new RandomPolicy());
        var read = ReportJson.Deserialize(ReportJson.Serialize(report))!;
        var before = report.Points[0].Evaluations[1].VisitMaps!;
        var after = read.Points[0].Evaluations[1].VisitMaps!;
        Assert.Equal(before.Select(m => m.Objective), after.Select(m => m.Objective));
        Assert.Equal(before[1].Counts, after[1].Counts);
        Assert.Equal(before[1].Width, after[1].Width);
    }

    private static EvaluationReport MazeAnywhere(RunReport report) => report.Points[0].Evaluations.Single(e => e.Environment == "MazeAnywhere");

    private static VisitMap Map(EvaluationReport evaluation, string objective) => evaluation.VisitMaps!.Single(m => m.Objective == objective);

    private static int Total(VisitMap map) => map.Counts.Sum();

    private static double Share(VisitMap map) => (double)map[map.Height / 2, map.Width / 2] / Total(map);

    private static RunReport Run(ExperimentPlan plan, PolicySource policy) =>
        ExampleRuns.Run(plan, policy, new RunOptions(SamplesPerEnvironment: 0)).Report;
}
