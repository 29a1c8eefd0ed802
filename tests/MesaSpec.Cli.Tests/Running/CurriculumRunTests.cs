using System.Text.Json;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Running;

/// <summary>
/// Issue 14: <c>curriculum plr(...)</c> end to end at a tiny budget: trains through a mixture and a later phase, records
/// what the curriculum did in report.json, and with <c>replay: 0</c> trains exactly as domain randomisation does.
/// </summary>
public sealed class CurriculumRunTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private static string Spec(string plain, string curriculum) => $$"""
        environment Maze {
          grid 7 x 7
          walls maze
          item cheese spawn corner(top_right)
          horizon 32
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

        experiment Plain {
          base objective EatCheese
          mesa objective Corner
          {{plain}}
          seeds 1
          evaluate on Anywhere episodes 8
        }

        experiment Prioritised {
          base objective EatCheese
          mesa objective Corner
          {{curriculum}}
          seeds 1
          evaluate on Anywhere episodes 8
        }
        """;

    private const string Training = "train on mix(Maze: 0.9, Anywhere: 0.1) with mlp(hidden: [8]) using ppo(steps: 2048, envs: 4, rollout: 32)";

    private JsonElement Report(string experiment) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "out", experiment, "report.json"))).RootElement;

    private void Run(string spec, params string[] options)
    {
        workspace.Write("curriculum.mesa", spec);
        var result = Mesaspec.Run(workspace.Root, ["run", "curriculum.mesa", "--out", "out", .. options]);
        result.AssertNoStackTrace();
        Assert.True(result.ExitCode is 0 or 1, result.Error);
    }

    [Fact]
    public void A_curriculum_phase_replays_and_reports_what_it_did_and_a_later_phase_without_one_randomises()
    {
        // In worker processes, so the curriculum's record crosses the process boundary with the seed's outcome.
        Run(Spec(Training, Training + " curriculum plr(buffer: 8, replay: 0.5)\n  then train on Anywhere for 1024"), "--jobs", "2");

        var phases = Report("Prioritised").GetProperty("points")[0].GetProperty("training")[0].GetProperty("phases");
        var curriculum = phases[0].GetProperty("curriculum");
        Assert.Equal("plr", curriculum.GetProperty("name").GetString());
        Assert.Equal("8", curriculum.GetProperty("parameters").GetProperty("buffer").GetString());
        curriculum = curriculum.GetProperty("statistics");
        Assert.Equal(8, curriculum.GetProperty("bufferLevels").GetInt32());
        var episodes = curriculum.GetProperty("episodes").GetInt64();
        var replayed = curriculum.GetProperty("replayFraction").GetDouble();
        Assert.InRange(replayed, 0.2, 0.6);
        // Every fresh episode's level is planned once; replays reuse the cached optimum.
        Assert.Equal(episodes - Math.Round(replayed * episodes), curriculum.GetProperty("levelsPlanned").GetInt64());
        Assert.True(curriculum.GetProperty("bufferMeanRegret").GetDouble() >= curriculum.GetProperty("freshMeanRegret").GetDouble());
        Assert.False(phases[1].TryGetProperty("curriculum", out _));
        // Without a curriculum a single phase on a mixture is listed, with no curriculum field.
        Assert.False(Report("Plain").GetProperty("points")[0].GetProperty("training")[0].GetProperty("phases")[0].TryGetProperty("curriculum", out _));
    }

    [Fact]
    public void Replay_zero_trains_exactly_as_domain_randomisation()
    {
        Run(Spec(Training, Training + " curriculum plr(buffer: 8, replay: 0)"), "--jobs", "1");

        static string Scores(JsonElement report) => report.GetProperty("points")[0].GetProperty("evaluations").GetRawText();
        Assert.Equal(Scores(Report("Plain")), Scores(Report("Prioritised")));
        var curriculum = Report("Prioritised").GetProperty("points")[0].GetProperty("training")[0].GetProperty("phases")[0].GetProperty("curriculum");
        Assert.Equal(0, curriculum.GetProperty("statistics").GetProperty("replayFraction").GetDouble());
    }
}
