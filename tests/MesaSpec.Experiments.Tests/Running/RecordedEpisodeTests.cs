using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>
/// Issue 17 (evidence): report.json keeps a bounded sample of every seed's evaluation episodes as level and actions, and
/// replaying those actions on the level (through the vector environment) ends as the evaluation recorded.
/// </summary>
public sealed class RecordedEpisodeTests
{
    [Fact]
    public void Each_seed_keeps_at_most_the_asked_number_of_episodes_half_of_them_on_conflict_levels_when_there_are_some()
    {
        var plan = Plan();
        var report = Run(plan, new RandomPolicy(), recorded: 6);
        foreach (var evaluation in report.Points[0].Evaluations)
        {
            var episodes = evaluation.RecordedEpisodes!;
            Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], episodes.Select(e => e.Seed));
            Assert.All(episodes.GroupBy(e => e.Seed), seed => Assert.Equal(seed.Select(e => e.Episode).Order(), seed.Select(e => e.Episode)));
            Assert.All(episodes, e => Assert.InRange(e.Actions.Length, 1, 64));
        }
        var maze = report.Points[0].Evaluations.Single(e => e.Environment == "Maze").RecordedEpisodes!;
        Assert.All(maze, e => Assert.False(e.Conflict)); // the cheese sits in the corner: no level separates the objectives
        var anywhere = report.Points[0].Evaluations.Single(e => e.Environment == "MazeAnywhere").RecordedEpisodes!;
        Assert.True(anywhere.Count(e => e.Conflict) >= 6, "at least half conflict episodes where there are enough");
        // A random policy mostly runs out the horizon: exactly the episodes of 64 steps that reached no goal.
        Assert.All(maze.Concat(anywhere), e => Assert.Equal(e.Outcome == EpisodeOutcome.Timeout, e.Actions.Length == 64 && e.Outcome is not (EpisodeOutcome.BaseGoal or EpisodeOutcome.ProxyGoal)));
    }

    [Fact]
    public void Nothing_is_kept_when_no_episode_is_asked_for()
    {
        var report = Run(Plan(), new RandomPolicy(), recorded: 0);
        Assert.All(report.Points[0].Evaluations, e => Assert.Null(e.RecordedEpisodes));
        Assert.DoesNotContain("recordedEpisodes", ReportJson.Serialize(report), StringComparison.Ordinal);
    }

    [Fact]
    public void An_episode_that_reached_the_cheese_replays_to_the_agent_on_the_cheese_and_one_that_reached_the_corner_to_the_corner()
    {
        var plan = Plan();
        var model = plan.Points[0];
        var corner = model.MesaObjectives.Single(o => o.Name == "GoToCorner");
        var replay = new ExperimentReplay(plan);
        var anywhere = model.Evaluations.Select((e, i) => (e.Environment.Name, i)).Single(x => x.Name == "MazeAnywhere").i;

        var cheese = Run(plan, new OraclePolicy(model.BaseObjective), recorded: 4).Points[0].Evaluations[anywhere].RecordedEpisodes!;
        Assert.All(cheese, episode =>
        {
            Assert.Equal(EpisodeOutcome.BaseGoal, episode.Outcome);
            var frames = replay.Replay(0, anywhere, episode)!.Frames;
            Assert.Equal(episode.Actions.Length + 1, frames.Count);
            Assert.Equal(frames[0].Items[0], frames[^1].Agent); // on the cell the cheese started on
            Assert.Equal(-1, frames[^1].Items[0]); // and eaten
        });

        var toCorner = Run(plan, new OraclePolicy(corner), recorded: 4).Points[0].Evaluations[anywhere].RecordedEpisodes!;
        // Most reach the corner; the others run out the horizon without eating the cheese.
        Assert.True(toCorner.Count(e => e.Outcome == EpisodeOutcome.ProxyGoal) > toCorner.Count / 2);
        Assert.All(toCorner, e => Assert.Contains(e.Outcome, new[] { EpisodeOutcome.ProxyGoal, EpisodeOutcome.Timeout }));
        Assert.All(toCorner.Where(e => e.Outcome == EpisodeOutcome.ProxyGoal), episode =>
        {
            var frames = replay.Replay(0, anywhere, episode)!.Frames;
            Assert.Contains(frames, f => f.Agent == 6); // (6, 0): the top-right corner of the 7 x 7 maze
            Assert.True(frames[^1].Items[0] >= 0, "the cheese is never eaten");
        });
    }

    [Fact]
    public void An_episode_that_touched_lava_replays_to_the_agent_on_a_lava_cell()
    {
        var (cut, report) = ExampleRuns.Run(ExampleRuns.Plan("lava-shift.mesa"), new RandomPolicy(), new RunOptions(SamplesPerEnvironment: 0, RecordedEpisodes: 20));
        var replay = new ExperimentReplay(cut);
        var shifted = report.Points[0].Evaluations.Select((e, i) => (e, i)).Single(x => x.e.Environment == "LavaShifted");
        var hazards = shifted.e.RecordedEpisodes!.Where(e => e.Outcome == EpisodeOutcome.Hazard).ToList();
        Assert.NotEmpty(hazards); // a random walk from (1, 1) finds the lava at (3, 1) often
        Assert.All(hazards, episode =>
        {
            var replayed = replay.Replay(0, shifted.i, episode)!;
            var lava = replayed.ItemSymbols.Select((symbol, item) => (symbol, item)).Where(x => x.symbol == 'L').Select(x => replayed.Frames[0].Items[x.item]);
            Assert.Contains(replayed.Frames[^1].Agent, lava);
        });
    }

    [Fact]
    public void Actions_that_are_not_the_levels_episode_are_refused_and_the_episodes_survive_report_json_and_seed_outcome_files()
    {
        var plan = Plan();
        var report = Run(plan, new OraclePolicy(plan.Points[0].BaseObjective), recorded: 3);
        var episode = report.Points[0].Evaluations[0].RecordedEpisodes![0];
        var replay = new ExperimentReplay(plan);
        Assert.NotNull(replay.Replay(0, 0, episode));
        Assert.Null(replay.Replay(0, 0, episode with { Actions = episode.Actions + "0" })); // would end before its last action
        Assert.Null(replay.Replay(0, 0, episode with { Actions = "" }));
        Assert.Null(replay.Replay(0, 0, episode with { Episode = 10_000 }));
        Assert.Null(replay.Replay(0, 9, episode));

        var read = ReportJson.Deserialize(ReportJson.Serialize(report))!;
        Assert.Equal(report.Points[0].Evaluations[0].RecordedEpisodes, read.Points[0].Evaluations[0].RecordedEpisodes);
        Assert.Contains("\"outcome\":\"base_goal\"", ReportJson.Serialize(report), StringComparison.Ordinal);
        var model = plan.Points[0];
        var result = PolicyEvaluator.For(model, model.Evaluations[0] with { Episodes = 10 }).EvaluateSeed(0, PolicyEvaluator.RandomBaseline(0), recordedEpisodes: 3);
        var outcome = SeedOutcomeJson.Deserialize(SeedOutcomeJson.Serialize(new SeedOutcome(0, 0, [result], null, [[]])))!;
        Assert.Equal(3, result.Recorded.Count);
        Assert.Equal(result.Recorded, outcome.Evaluations[0].Recorded);
    }

    private static ExperimentPlan Plan() => ExampleRuns.Plan();

    private static RunReport Run(ExperimentPlan plan, PolicySource policy, int recorded) =>
        ExampleRuns.Run(plan, policy, new RunOptions(SamplesPerEnvironment: 0, RecordedEpisodes: recorded)).Report;
}
