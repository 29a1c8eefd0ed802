using System.Text.Json;
using System.Text.Json.Nodes;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>
/// A run split into (point, seed) tasks whose outcomes go through their file form and are aggregated in any
/// order must give the report the in-process run gives: what lets tasks run in worker processes or on Slurm.
/// </summary>
public sealed class SeedOutcomeAggregationTests
{
    // A random policy consumes randomness in evaluation and in sampling, and two episodes per environment make the
    // second seed contribute behaviour samples too: both would show a task that samples differently from the run.
    private const string Spec = """
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
          policy random
          seeds 3
          evaluate on Maze(corner: corner) episodes 2
          evaluate on Anywhere episodes 2
          sweep corner in [1, 3]
          expect on Anywhere: score(EatCheese) increasing
        }
        """;

    [Fact]
    public void Outcomes_through_their_file_form_in_reverse_order_give_the_in_process_report()
    {
        var plan = Plan();
        var options = new RunOptions();
        var spec = new SpecInfo("sweep.mesa", "hash", "random");
        var expected = new ExperimentRunner(null, options).Run(plan, spec, null, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, expected.Status);

        var seeds = ExperimentRunner.SeedsOf(plan, options);
        var task = new SeedTask(null, options);
        var outcomes = new List<SeedOutcome>();
        for (var point = plan.Points.Count - 1; point >= 0; point--)
        {
            var evaluators = new PointEvaluators(plan).For(point);
            for (var position = seeds.Count - 1; position >= 0; position--)
            {
                var outcome = task.Run(plan.Points[point], evaluators, point, seeds[position], position, null, CancellationToken.None);
                outcomes.Add(SeedOutcomeJson.Deserialize(SeedOutcomeJson.Serialize(outcome))!);
            }
        }
        var aggregated = new RunAggregation(plan, spec, seeds, options).Report(
            outcomes, new PointEvaluators(plan).For, RunStatus.Finished, null, expected.StartedAt, TimeSpan.FromSeconds(expected.DurationSeconds));

        Assert.Equal(WithoutTimes(expected), WithoutTimes(aggregated));
        Assert.All(expected.Points.SelectMany(p => p.Evaluations), e => Assert.Equal(RunOptions.DefaultSamplesPerEnvironment, e.Samples.Count));
        Assert.All(expected.Points.SelectMany(p => p.Evaluations), e => Assert.Equal(aggregated.Points.SelectMany(p => p.Evaluations).First(a => a.Environment == e.Environment).RecordedEpisodes!.Count, e.RecordedEpisodes!.Count));
    }

    [Fact]
    public void Seeds_after_the_sample_quota_is_filled_evaluate_as_if_nothing_were_sampled()
    {
        // Ten episodes per environment: seed 0 fills the quota of 3 samples, so the other seeds sample nothing,
        // as when seeds ran in order, and their numbers equal those of a run that samples nothing at all. Seed 0's
        // samples consume the random policy's randomness before its second environment: that shows the check can fail.
        var plan = Plan(Spec.Replace("episodes 2", "episodes 10", StringComparison.Ordinal));
        var spec = new SpecInfo("sweep.mesa", "hash", "random");
        var sampled = new ExperimentRunner(null, new RunOptions()).Run(plan, spec, null, CancellationToken.None);
        var unsampled = new ExperimentRunner(null, new RunOptions(SamplesPerEnvironment: 0)).Run(plan, spec, null, CancellationToken.None);

        string PerSeed(RunReport report, Func<int, bool> seeds) => JsonSerializer.Serialize(report.Points
            .SelectMany(p => p.Evaluations.Skip(1)).SelectMany(e => e.PerSeed).Where(s => seeds(s.Seed)), ReportJson.Options);
        Assert.Equal(PerSeed(unsampled, s => s > 0), PerSeed(sampled, s => s > 0));
        Assert.NotEqual(PerSeed(unsampled, s => s == 0), PerSeed(sampled, s => s == 0));
    }

    [Theory]
    [InlineData(3, 100, 0, 3)]
    [InlineData(3, 100, 1, 0)]
    [InlineData(3, 2, 0, 3)]
    [InlineData(3, 2, 1, 1)]
    [InlineData(3, 2, 2, 0)]
    [InlineData(3, 0, 5, 3)]
    public void A_seed_samples_what_the_seeds_before_it_left_of_the_quota(int quota, int episodes, int position, int wanted) =>
        Assert.Equal(wanted, SeedTask.SamplesWanted(quota, episodes, position));

    [Fact]
    public void A_truncated_outcome_file_reads_as_no_outcome() =>
        Assert.Null(SeedOutcomeJson.Deserialize("{\"point\":0,\"seed\":1,\"evaluations\":[{\"seed\""));

    private static ExperimentPlan Plan(string text = Spec)
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(text, "sweep.mesa"));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        return compilation.Plans.Single();
    }

    private static string WithoutTimes(RunReport report)
    {
        var json = JsonNode.Parse(ReportJson.Serialize(report))!.AsObject();
        json.Remove("startedAt");
        json.Remove("finishedAt");
        json.Remove("durationSeconds");
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
