using System.Globalization;
using MesaSpec.Cli.Input;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.History;
using MesaSpec.Language.Binding;
using MesaSpec.Workspaces;

namespace MesaSpec.Cli.Running;

/// <summary>
/// One <c>mesaspec run</c> of one experiment as recorded in the workspace's run history: begun as running,
/// updated with the report files after every completed seed, and marked failed if the command stops without
/// a final report. The history is a convenience: when it cannot be opened the run goes on, with a warning.
/// </summary>
internal sealed class RunRecording : IDisposable
{
    private readonly RunStore? store;
    private readonly long id;
    private readonly string directory;
    /// <summary>The last status saved; null once the history failed to record it (then nothing is marked afterwards).</summary>
    private RunStatus? lastStatus = RunStatus.Running;
    private string? recordError;

    private RunRecording(RunStore? store, long id, string directory)
    {
        this.store = store;
        this.id = id;
        this.directory = directory;
    }

    /// <summary>The run's id in the history, or null when it is not (or no longer completely) recorded.</summary>
    public long? Id => store is null || recordError is not null ? null : id;

    /// <summary>Why the history failed to record this run's report, or null when every write succeeded.</summary>
    public string? RecordError => recordError;

    public static RunRecording Begin(ExperimentPlan plan, SpecInfo spec, string specText, RunOptions options, string directory, TextWriter warnings)
    {
        RunStore? store = null;
        try
        {
            store = RunStore.Open(RunStore.PathFor(WorkspaceRoot.For(spec.Path)));
            var settings = new Dictionary<string, string>
            {
                ["threads"] = options.Threads.ToString(CultureInfo.InvariantCulture),
                ["device"] = options.Device,
                ["samplesPerEnvironment"] = options.SamplesPerEnvironment.ToString(CultureInfo.InvariantCulture),
            };
            if (options.SeedCount is { } n)
            {
                settings["seedsOverride"] = n.ToString(CultureInfo.InvariantCulture);
            }
            var seeds = options.SeedCount is { } count ? Enumerable.Range(0, count).ToList() : plan.Points[0].Seeds.ToList();
            var id = store.Begin(new RunStart(plan.Name, spec.Path, specText, spec.Sha256, spec.PolicySource, ExperimentRunner.EngineVersion,
                settings, seeds, directory));
            return new RunRecording(store, id, directory);
        }
        catch (Exception e) when (e is RunStoreException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            store?.Dispose();
            warnings.WriteLine($"warning: this run is not recorded in the run history: {e.Message}");
            return new RunRecording(null, 0, directory);
        }
    }

    /// <summary>
    /// Reopens a recorded run to record a later report of it: a distributed run collected again after
    /// <c>--resume</c> keeps one history entry. Not recorded (with a warning) when the history is unusable.
    /// </summary>
    public static RunRecording Reopen(long id, string specPath, string directory, TextWriter warnings)
    {
        try
        {
            var store = RunStore.Open(RunStore.PathFor(WorkspaceRoot.For(specPath)));
            if (store.Find(id) is null)
            {
                store.Dispose();
                warnings.WriteLine($"warning: run {id} is no longer in the run history; this report is not recorded");
                return new RunRecording(null, 0, directory);
            }
            return new RunRecording(store, id, directory) { lastStatus = null }; // a reopened record is not this process's to mark failed
        }
        catch (Exception e) when (e is RunStoreException or IOException or UnauthorizedAccessException)
        {
            warnings.WriteLine($"warning: this report is not recorded in the run history: {e.Message}");
            return new RunRecording(null, 0, directory);
        }
    }

    /// <summary>Writes the report files and records the report with their paths.</summary>
    /// <param name="replay">The run's experiment, replaying the recorded episodes for report.html.</param>
    public void Save(RunReport report, ExperimentReplay? replay)
    {
        var files = ReportFiles.Write(report, directory, replay);
        lastStatus = report.Status;
        if (store is null)
        {
            return;
        }
        try
        {
            store.Record(id, report, files.Select(f => new RunArtifact("report", f)));
        }
        catch (Exception e) when (e is RunStoreException or Microsoft.Data.Sqlite.SqliteException)
        {
            // A locked or full disk must not lose the run's own report files, which are already written;
            // the user is told (never "recorded as run N"), with the database's own check when it is damaged.
            lastStatus = null;
            var damage = store.QuickCheck();
            recordError ??= $"the run history could not record this run: {e.Message}" + (damage is null ? "" : $"; {store.DatabasePath} is damaged ({damage})");
        }
    }

    public void Dispose()
    {
        if (store is null)
        {
            return;
        }
        if (lastStatus == RunStatus.Running)
        {
            try
            {
                store.MarkFailed(id, "mesaspec stopped before the run's final report (an error outside the experiment)");
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // Readers will show it as interrupted once this process is gone.
            }
        }
        store.Dispose();
    }
}
