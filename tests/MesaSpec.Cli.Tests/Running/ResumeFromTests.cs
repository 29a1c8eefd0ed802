using System.Text.Json;
using MesaSpec.Cli.Tests.Cluster;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Running;

/// <summary><c>mesaspec run --resume-from</c>: models start from an earlier run's recorded weights; a bad path is refused before training.</summary>
public sealed class ResumeFromTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private const string Trained = "train on Maze with mlp(hidden: [8]) using ppo(steps: 256, envs: 4, rollout: 32)\n  then train on Anywhere for 128";

    [Fact]
    public void Each_seed_resumes_from_the_checkpoint_its_earlier_run_recorded()
    {
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep(Trained, episodes: 2));
        Assert.True(Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--jobs", "1", "--seeds", "1", "--out", "first").ExitCode is 0 or 1);
        var result = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--jobs", "2", "--seeds", "1", "--out", "second", "--resume-from", "first");
        result.AssertNoStackTrace();
        Assert.True(result.ExitCode is 0 or 1, result.Error);

        static JsonElement Training(string report) => JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("points")[0].GetProperty("training")[0];
        var first = Training(Path.Combine(workspace.Root, "first", "report.json"));
        var second = Training(Path.Combine(workspace.Root, "second", "report.json"));
        Assert.Equal(first.GetProperty("checkpoint").GetString(), second.GetProperty("resumedFrom").GetString());
        // Both phases are listed, each with its own checkpoint; the run resumed from the last one.
        var phases = second.GetProperty("phases");
        Assert.Equal(["Maze", "Anywhere"], phases.EnumerateArray().Select(p => p.GetProperty("distribution").GetString()));
        Assert.Equal(first.GetProperty("checkpoint").GetString(), first.GetProperty("phases")[1].GetProperty("checkpoint").GetString());
        Assert.NotEqual(first.GetProperty("phases")[0].GetProperty("checkpoint").GetString(), first.GetProperty("phases")[1].GetProperty("checkpoint").GetString());
    }

    [Fact]
    public void A_missing_checkpoint_is_a_usage_error_before_anything_trains()
    {
        workspace.Write("sweep.mesa", ClusterSpecs.Sweep(Trained, episodes: 2));
        var result = Mesaspec.Run(workspace.Root, "run", "sweep.mesa", "--resume-from", "nowhere");
        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0001: --resume-from", result.Error, StringComparison.Ordinal);
        Assert.Contains("no such file or folder", result.Error, StringComparison.Ordinal);
    }
}
