using System.Text.Json;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.History;

/// <summary>
/// What the editor's history view asks of the CLI (issue 17): <c>runs list --json</c> says where each run's reports
/// are, and <c>runs delete ID</c> removes a run from the history, never one still going. Reference policies: no training.
/// </summary>
public sealed class RunDeleteAndListJsonTests : IDisposable
{
    private const string Spec = Specs.OracleCoin;

    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private JsonElement[] ListJson()
    {
        var list = Mesaspec.Run(workspace.Root, "runs", "list", "--json");
        Assert.Equal(0, list.ExitCode);
        using var document = JsonDocument.Parse(list.Out);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    [Fact]
    public void List_json_names_each_runs_output_folder_and_delete_removes_only_that_run()
    {
        workspace.Write("coin.mesa", Spec);
        Assert.Equal(0, Mesaspec.Run(workspace.Root, "run", "coin.mesa", "--out", "runs/a", "--progress", "lines").ExitCode);
        Assert.Equal(0, Mesaspec.Run(workspace.Root, "run", "coin.mesa", "--out", "runs/b", "--progress", "lines").ExitCode);

        var runs = ListJson();
        Assert.Equal([2L, 1L], runs.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(Path.Combine(workspace.Root, "runs", "a"), runs[1].GetProperty("outputDirectory").GetString());
        Assert.Equal("finished", runs[1].GetProperty("status").GetString());
        Assert.Equal("Coin", runs[1].GetProperty("experiment").GetString());

        var deleted = Mesaspec.Run(workspace.Root, "runs", "delete", "1");
        Assert.Equal(0, deleted.ExitCode);
        Assert.Contains("deleted run 1", deleted.Out, StringComparison.Ordinal);
        Assert.Equal([2L], ListJson().Select(r => r.GetProperty("id").GetInt64()));
        Assert.True(File.Exists(Path.Combine(workspace.Root, "runs", "a", "report.json")), "the report files stay");

        var again = Mesaspec.Run(workspace.Root, "runs", "delete", "1");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("no run 1", again.Error, StringComparison.Ordinal);
        again.AssertNoStackTrace();
    }

    [Fact]
    public void A_run_still_going_is_not_deleted()
    {
        workspace.Folder(".git");
        var database = Path.Combine(workspace.Root, ".mesaspec", "runs.db");
        using (var store = MesaSpec.History.RunStore.Open(database))
        {
            // Begun by this (live) process, so it reads as running.
            store.Begin(new MesaSpec.History.RunStart("Coin", "coin.mesa", Spec, "0", "oracle", "0", new Dictionary<string, string>(), [0], "runs/x"));
        }
        var refused = Mesaspec.Run(workspace.Root, "runs", "delete", "1");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("run 1 is still running", refused.Error, StringComparison.Ordinal);
        Assert.Single(ListJson());
    }

    [Fact]
    public void Delete_needs_one_run_id()
    {
        var result = Mesaspec.Run(workspace.Root, "runs", "delete");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("runs delete takes one run id", result.Error, StringComparison.Ordinal);
    }
}
