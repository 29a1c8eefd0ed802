using MesaSpec.Experiments.Running;
using System.Globalization;
using System.Text.Json;
using MesaSpec.Experiments.Reports;
using MesaSpec.History.Storage;
using Microsoft.Data.Sqlite;

namespace MesaSpec.History;

/// <summary>
/// The run history of a workspace: an SQLite database at <c>.mesaspec/runs.db</c>, in WAL mode so that a
/// reader (<c>mesaspec runs list</c>, the editor) never waits for, nor blocks, a run that is writing. Every
/// write is one transaction, so a process killed at any moment leaves the database as it was after the last
/// completed write: the run row says <c>running</c>, and readers show it as <c>interrupted</c> once its
/// process is gone. One instance holds one connection; use one per thread.
/// </summary>
public sealed class RunStore : IDisposable
{
    public const string RelativePath = ".mesaspec/runs.db";

    /// <summary>The report.json shape without indentation: a third of the size, still readable by json_extract.</summary>
    private static readonly JsonSerializerOptions CompactJson = new(ReportJson.Options) { WriteIndented = false };

    private readonly SqliteConnection connection;

    private RunStore(SqliteConnection connection, string path)
    {
        this.connection = connection;
        DatabasePath = path;
    }

    public string DatabasePath { get; }

    public int SchemaVersion => Migrations.Version(connection);

    public static string PathFor(string workspaceRoot) => Path.Combine(workspaceRoot, ".mesaspec", "runs.db");

    /// <summary>Opens (creating and migrating when needed) the database at <paramref name="databasePath"/>.</summary>
    public static RunStore Open(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return Connect(full, full, SqliteOpenMode.ReadWriteCreate, "open", connection =>
        {
            Execute(connection, """
                PRAGMA busy_timeout = 10000;
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA foreign_keys = ON;
                """);
            Migrations.Apply(connection);
        });
    }

    /// <summary>
    /// Opens an existing database for reading only (<c>runs list/show/compare/export</c>, <c>report</c>): nothing is
    /// created, migrated or written, so a read-only <c>.mesaspec</c> folder or a full disk still shows the history.
    /// A database of an older schema is read only after a writer upgrades it.
    /// </summary>
    public static RunStore OpenReadOnly(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        try
        {
            return Connect(full, full, SqliteOpenMode.ReadOnly, "read", ReadableSchema);
        }
        catch (RunStoreException e) when (e.InnerException is SqliteException { SqliteErrorCode: 14 or 8 or 10 or 13 })
        {
            // SQLITE_CANTOPEN, READONLY, IOERR, FULL: a WAL database needs its -shm file, which a read-only folder
            // or a full disk cannot hold. Nothing can be writing it then, so it is read as an immutable file.
            return Connect(full, new Uri(full).AbsoluteUri + "?immutable=1", SqliteOpenMode.ReadOnly, "read", ReadableSchema);
        }

        void ReadableSchema(SqliteConnection connection)
        {
            Execute(connection, "PRAGMA busy_timeout = 10000;");
            var version = Migrations.Version(connection);
            if (version != Migrations.Latest)
            {
                throw new RunStoreException(version > Migrations.Latest
                    ? $"the run history {full} was written by a newer mesaspec (schema version {version}; this one knows up to {Migrations.Latest}); upgrade mesaspec to read it"
                    : $"the run history {full} has schema version {version}, older than this mesaspec's {Migrations.Latest}; the next mesaspec run upgrades it");
            }
        }
    }

    /// <summary>One connection, prepared, then checked for damage; any failure closes it and says what could not be done.</summary>
    private static RunStore Connect(string full, string dataSource, SqliteOpenMode mode, string verb, Action<SqliteConnection> prepare)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = mode,
            // A pooled connection would keep the file open after Dispose; runs are few and long.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            prepare(connection);
            // A damaged page otherwise surfaces later as a failed write, after the user was told the run is recorded.
            if (QuickCheck(connection) is { } damage)
            {
                throw new RunStoreException($"the run history {full} is damaged ({damage}); move it aside to start a new one");
            }
            return new RunStore(connection, full);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new RunStoreException($"cannot {verb} the run history {full}: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Records a run that is starting, as <c>running</c>; returns its id.</summary>
    public long Begin(RunStart start)
    {
        var (processId, processStarted) = ProcessLiveness.Current();
        var now = Now();
        using var transaction = connection.BeginTransaction(deferred: false);
        var id = Scalar<long>(transaction, """
            INSERT INTO runs (experiment, spec_path, spec_text, spec_sha256, policy_source, engine_version, settings_json,
                seeds_json, output_directory, status, started_at, updated_at, host, process_id, process_started_at)
            VALUES ($experiment, $specPath, $specText, $sha, $policy, $engine, $settings, $seeds, $out, 'running', $now, $now,
                $host, $pid, $pidStarted)
            RETURNING id;
            """,
            ("$experiment", start.Experiment), ("$specPath", start.SpecPath), ("$specText", start.SpecText),
            ("$sha", start.SpecSha256), ("$policy", start.PolicySource), ("$engine", start.EngineVersion),
            ("$settings", JsonSerializer.Serialize(start.Settings)), ("$seeds", JsonSerializer.Serialize(start.Seeds)),
            ("$out", start.OutputDirectory), ("$now", now), ("$host", Environment.MachineName), ("$pid", processId),
            ("$pidStarted", Timestamp(processStarted)));
        transaction.Commit();
        return id;
    }

    /// <summary>
    /// Records the report so far (after every completed seed) or the final one: status, verdicts, scores,
    /// per-seed metrics, training, expectations and artifacts, replacing what was recorded before, atomically.
    /// </summary>
    public void Record(long runId, RunReport report, IEnumerable<RunArtifact>? artifacts = null)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var updated = Execute(transaction, """
            UPDATE runs SET status = $status, status_detail = $detail, passed = $passed, updated_at = $now,
                finished_at = $finished, duration_seconds = $duration, report_json = $report
            WHERE id = $id;
            """,
            ("$status", report.Status.Word()), ("$detail", report.StatusDetail),
            ("$passed", report.Status == RunStatus.Running ? null : report.Passed ? 1 : 0), ("$now", Now()),
            ("$finished", report.FinishedAt is { } f ? Timestamp(f) : null), ("$duration", report.DurationSeconds),
            ("$report", JsonSerializer.Serialize(report, CompactJson)), ("$id", runId));
        if (updated != 1)
        {
            throw new RunStoreException($"no run {runId} in {DatabasePath}");
        }
        foreach (var table in new[] { "verdicts", "scores", "seed_metrics", "training", "expectations", "artifacts" })
        {
            Execute(transaction, $"DELETE FROM {table} WHERE run_id = $id;", ("$id", runId));
        }
        ReportRows.Insert(transaction, runId, report);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var artifact in (artifacts ?? []).Concat(ReportRows.Checkpoints(report)))
        {
            if (paths.Add(artifact.Path))
            {
                Execute(transaction, "INSERT INTO artifacts (run_id, kind, path) VALUES ($id, $kind, $path);",
                    ("$id", runId), ("$kind", artifact.Kind), ("$path", artifact.Path));
            }
        }
        transaction.Commit();
    }

    /// <summary>Marks a run failed when it stopped before producing a final report (an error outside the runner).</summary>
    public void MarkFailed(long runId, string detail)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(transaction, """
            UPDATE runs SET status = 'failed', status_detail = $detail, passed = 0, updated_at = $now, finished_at = $now
            WHERE id = $id AND status = 'running';
            """, ("$detail", detail), ("$now", Now()), ("$id", runId));
        transaction.Commit();
    }

    /// <summary>The most recent runs first.</summary>
    public IReadOnlyList<RunSummary> List(int limit = 50, string? experiment = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SummaryColumns} FROM runs
            WHERE $experiment IS NULL OR experiment = $experiment
            ORDER BY id DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$experiment", (object?)experiment ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var runs = new List<RunSummary>();
        while (reader.Read())
        {
            runs.Add(ReadSummary(reader));
        }
        return runs;
    }

    /// <summary>
    /// Removes a run and everything recorded about it (the child rows go with it: ON DELETE CASCADE); its report
    /// files stay where they are. A run whose process is still going is refused, since its next report would find
    /// no row to write to.
    /// </summary>
    public RunDeletion Delete(long runId)
    {
        RunStatus status;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {SummaryColumns} FROM runs WHERE id = $id;";
            command.Parameters.AddWithValue("$id", runId);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return RunDeletion.NotFound;
            }
            // Read as a summary so a run whose process is gone counts as interrupted, not running.
            status = ReadSummary(reader).Status;
        }
        if (status == RunStatus.Running)
        {
            return RunDeletion.StillRunning;
        }
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(transaction, "DELETE FROM runs WHERE id = $id;", ("$id", runId));
        transaction.Commit();
        return RunDeletion.Deleted;
    }

    public StoredRun? Find(long runId)
    {
        StoredRun? run = null;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT {SummaryColumns}, spec_text, engine_version, settings_json, seeds_json, output_directory,
                    status_detail, host, process_id, report_json
                FROM runs WHERE id = $id;
                """;
            command.Parameters.AddWithValue("$id", runId);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }
            var summary = ReadSummary(reader);
            var column = SummaryColumnCount;
            run = new StoredRun(
                summary,
                SpecText: reader.GetString(column),
                EngineVersion: reader.GetString(column + 1),
                Settings: JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(column + 2)) ?? [],
                Seeds: JsonSerializer.Deserialize<List<int>>(reader.GetString(column + 3)) ?? [],
                OutputDirectory: reader.IsDBNull(column + 4) ? null : reader.GetString(column + 4),
                StatusDetail: reader.IsDBNull(column + 5) ? null : reader.GetString(column + 5),
                Host: reader.GetString(column + 6),
                ProcessId: reader.GetInt32(column + 7),
                Artifacts: [],
                Report: reader.IsDBNull(column + 8) ? null : ReportJson.Deserialize(reader.GetString(column + 8)));
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT kind, path FROM artifacts WHERE run_id = $id ORDER BY kind, path;";
            command.Parameters.AddWithValue("$id", runId);
            using var reader = command.ExecuteReader();
            var artifacts = new List<RunArtifact>();
            while (reader.Read())
            {
                artifacts.Add(new RunArtifact(reader.GetString(0), reader.GetString(1)));
            }
            run = run with { Artifacts = artifacts };
        }
        return run;
    }

    /// <summary>SQLite's quick page check; null when sound, else its first finding.</summary>
    public string? QuickCheck() => QuickCheck(connection);

    private static string? QuickCheck(SqliteConnection connection)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(1);";
            var result = command.ExecuteScalar() as string;
            return result == "ok" ? null : $"PRAGMA quick_check: {result ?? "no answer"}";
        }
        catch (SqliteException e)
        {
            return $"PRAGMA quick_check failed: {e.Message}";
        }
    }

    /// <summary>SQLite's own check of the file (pages, indexes, constraints); "ok" when sound.</summary>
    public string IntegrityCheck()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check; ";
        var result = (string?)command.ExecuteScalar() ?? "no answer";
        command.CommandText = "PRAGMA foreign_key_check;";
        using var reader = command.ExecuteReader();
        return reader.Read() ? $"foreign key violation in {reader.GetString(0)}" : result;
    }

    public void Dispose() => connection.Dispose();

    private const string SummaryColumns =
        "id, experiment, spec_path, spec_sha256, policy_source, status, passed, started_at, updated_at, duration_seconds, host, process_id, process_started_at, "
        + "(SELECT group_concat(environment || ': ' || CASE WHEN proxy IS NULL THEN verdict ELSE verdict || '(' || proxy || ')' END, '; ') "
        + "FROM (SELECT * FROM verdicts v WHERE v.run_id = runs.id ORDER BY point, environment)), output_directory";

    private const int SummaryColumnCount = 15;

    private static RunSummary ReadSummary(SqliteDataReader reader)
    {
        var recorded = reader.GetString(5);
        var status = RunStatusWords.Parse(recorded) ?? throw new RunStoreException($"run {reader.GetInt64(0)} has an unknown status '{recorded}'");
        if (status == RunStatus.Running && !ProcessLiveness.IsAlive(reader.GetString(10), reader.GetInt32(11), Parse(reader.GetString(12))))
        {
            status = RunStatus.Interrupted;
        }
        return new RunSummary(
            Id: reader.GetInt64(0),
            Experiment: reader.GetString(1),
            SpecPath: reader.GetString(2),
            SpecSha256: reader.GetString(3),
            PolicySource: reader.GetString(4),
            Status: status,
            Passed: reader.IsDBNull(6) ? null : reader.GetInt32(6) != 0,
            StartedAt: Parse(reader.GetString(7)),
            UpdatedAt: Parse(reader.GetString(8)),
            DurationSeconds: reader.IsDBNull(9) ? null : reader.GetDouble(9),
            Verdicts: reader.IsDBNull(13) ? "" : reader.GetString(13),
            OutputDirectory: reader.IsDBNull(14) ? null : reader.GetString(14));
    }

    internal static int Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static SqliteCommand Command(SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value switch
            {
                null => DBNull.Value,
                double d when !double.IsFinite(d) => DBNull.Value,
                _ => value,
            });
        }
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Now() => Timestamp(DateTimeOffset.UtcNow);

    private static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
