using MesaSpec.Experiments.Running;
using MesaSpec.Tests.Samples;

namespace MesaSpec.History.Tests;

public sealed class RunStoreTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    internal static RunStart Start(string text = "experiment CheeseInTheCorner {}", string experiment = "CheeseInTheCorner") =>
        new(experiment, "examples/cheese.mesa", text, text.GetHashCode().ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            "trained: Net with ppo on Maze", "0.1.0", new Dictionary<string, string> { ["threads"] = "1", ["device"] = "cpu" }, [0, 1, 2], "runs/x");

    [Fact]
    public void A_new_database_is_in_wal_mode_at_the_latest_schema_version()
    {
        using var store = RunStore.Open(folder.Database);
        Assert.Equal(1, store.SchemaVersion);
        Assert.Equal("ok", store.IntegrityCheck());
        Assert.True(File.Exists(folder.Database + "-wal") || File.Exists(folder.Database));
        using var again = RunStore.Open(folder.Database);
        Assert.Equal(1, again.SchemaVersion);
    }

    [Fact]
    public void A_damaged_page_is_reported_when_the_history_is_opened()
    {
        // Issue 11, item 3: 0xDEAD x 2048 at offset 40960 of a 110 KB runs.db went unnoticed until a write failed.
        using (var store = RunStore.Open(folder.Database))
        {
            for (var i = 0; new FileInfo(folder.Database).Length + (File.Exists(folder.Database + "-wal") ? new FileInfo(folder.Database + "-wal").Length : 0) < 110_000 && i < 500; i++)
            {
                store.Record(store.Begin(Start(new string('x', 2000) + i)), SampleReports.Finished());
            }
        }
        Assert.True(new FileInfo(folder.Database).Length > 45_056, "the database was checkpointed into its main file");
        using (var file = new FileStream(folder.Database, FileMode.Open, FileAccess.Write))
        {
            file.Position = 40960;
            for (var i = 0; i < 2048; i++)
            {
                file.Write([0xde, 0xad]);
            }
        }
        var error = Assert.Throws<RunStoreException>(() => RunStore.Open(folder.Database).Dispose());
        Assert.Contains(folder.Database, error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("damaged", StringComparison.Ordinal) || error.Message.Contains("malformed", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void A_run_is_recorded_with_its_spec_settings_seeds_metrics_verdicts_and_artifacts()
    {
        using var store = RunStore.Open(folder.Database);
        var id = store.Begin(Start());
        Assert.Equal(RunStatus.Running, store.Find(id)!.Summary.Status);

        store.Record(id, SampleReports.Finished(), [new RunArtifact("report", "runs/x/report.json")]);

        var run = store.Find(id)!;
        Assert.Equal(RunStatus.Finished, run.Summary.Status);
        Assert.True(run.Summary.Passed);
        Assert.Equal("experiment CheeseInTheCorner {}", run.SpecText);
        Assert.Equal("1", run.Settings["threads"]);
        Assert.Equal([0, 1, 2], run.Seeds);
        Assert.Equal("Maze: robustly_aligned; MazeAnywhere: pseudo_aligned(GoToCorner)", run.Summary.Verdicts);
        Assert.Contains(run.Artifacts, a => a.Kind == "report" && a.Path == "runs/x/report.json");
        Assert.Equal(3, run.Artifacts.Count(a => a.Kind == "checkpoint"));
        Assert.Equal(0.12, run.Report!.Evaluations[1].Objectives[0].Score.Mean);
        Assert.Single(store.List());
    }

    [Fact]
    public void A_cancelled_run_keeps_its_status_and_partial_results()
    {
        using var store = RunStore.Open(folder.Database);
        var id = store.Begin(Start());
        store.Record(id, SampleReports.Cancelled());
        var run = store.Find(id)!;
        Assert.Equal(RunStatus.Cancelled, run.Summary.Status);
        Assert.False(run.Summary.Passed);
        Assert.Equal([0], run.Report!.Points[0].CompletedSeeds);
    }

    [Fact]
    public void A_run_that_stopped_without_a_report_can_be_marked_failed_once()
    {
        using var store = RunStore.Open(folder.Database);
        var id = store.Begin(Start());
        store.MarkFailed(id, "disk full");
        store.MarkFailed(id, "second call changes nothing");
        var run = store.Find(id)!;
        Assert.Equal(RunStatus.Failed, run.Summary.Status);
        Assert.Equal("disk full", run.StatusDetail);
    }

    [Fact]
    public void A_database_from_a_newer_mesaspec_is_refused_with_a_clear_message()
    {
        using (var store = RunStore.Open(folder.Database))
        {
        }
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<RunStoreException>(() => RunStore.Open(folder.Database));
        Assert.Contains("newer mesaspec", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void List_shows_the_newest_run_first_and_filters_by_experiment()
    {
        using var store = RunStore.Open(folder.Database);
        var first = store.Begin(Start());
        var second = store.Begin(Start(experiment: "Other"));
        Assert.Equal([second, first], store.List().Select(r => r.Id));
        Assert.Equal([first], store.List(experiment: "CheeseInTheCorner").Select(r => r.Id));
    }
}
