using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Running;

/// <summary>
/// Issue 17 (evidence): report.html's episode browser shows frames replayed from the spec the run ran: <c>run</c> replays
/// with it, <c>report</c> compiles it again only while its text has the hash the run recorded, and otherwise lists the
/// episodes without frames, saying why.
/// </summary>
public sealed class EpisodeReplayCommandTests : IDisposable
{
    private const string Spec = Specs.OracleCoin;

    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Run_and_report_replay_the_episodes_while_the_spec_is_unchanged_and_list_them_without_frames_after()
    {
        workspace.Write("coin.mesa", Spec);
        var run = Mesaspec.Run(workspace.Root, "run", "coin.mesa", "--out", "runs/a", "--progress", "lines");
        Assert.True(run.ExitCode is 0 or 1, run.All);
        Assert.Contains("\"recordedEpisodes\": [{\"seed\":0,\"episode\":0,", workspace.Read("runs/a/report.json"), StringComparison.Ordinal);
        Assert.Contains("\"frames\":[[", workspace.Read("runs/a/report.html"), StringComparison.Ordinal);

        File.Delete(Path.Combine(workspace.Root, "runs", "a", "report.html"));
        var again = Mesaspec.Run(workspace.Root, "report", "runs/a");
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("warning", again.Error, StringComparison.Ordinal);
        Assert.Contains("\"frames\":[[", workspace.Read("runs/a/report.html"), StringComparison.Ordinal);

        workspace.Write("coin.mesa", Spec.Replace("horizon 20", "horizon 10", StringComparison.Ordinal));
        var changed = Mesaspec.Run(workspace.Root, "report", "runs/a");
        Assert.Equal(0, changed.ExitCode);
        Assert.Contains("warning: the episode browser lists the episodes without replaying them:", changed.Error, StringComparison.Ordinal);
        Assert.Contains("coin.mesa changed since the run", changed.Error, StringComparison.Ordinal);
        var html = workspace.Read("runs/a/report.html");
        Assert.Contains("class=\"episode-browser\"", html, StringComparison.Ordinal);
        Assert.Contains("\"frames\":null", html, StringComparison.Ordinal);
    }
}
