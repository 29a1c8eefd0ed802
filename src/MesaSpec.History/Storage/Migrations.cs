using Microsoft.Data.Sqlite;

namespace MesaSpec.History.Storage;

/// <summary>
/// The database schema as an ordered list of migrations; <c>PRAGMA user_version</c> records how many have
/// been applied. A migration is appended, never edited: a database written by an older mesaspec upgrades in
/// place, and one written by a newer mesaspec is refused rather than misread.
/// </summary>
internal static class Migrations
{
    private static readonly string[] Steps =
    [
        // 1: runs and everything recorded about them. Child rows are rewritten as a whole with the run row,
        // in one transaction, so a reader sees either the previous report or the next one, never a mixture.
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            experiment TEXT NOT NULL,
            spec_path TEXT NOT NULL,
            spec_text TEXT NOT NULL,
            spec_sha256 TEXT NOT NULL,
            policy_source TEXT NOT NULL,
            engine_version TEXT NOT NULL,
            settings_json TEXT NOT NULL,
            seeds_json TEXT NOT NULL,
            output_directory TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled', 'failed')),
            status_detail TEXT,
            passed INTEGER,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            finished_at TEXT,
            duration_seconds REAL,
            host TEXT NOT NULL,
            process_id INTEGER NOT NULL,
            process_started_at TEXT NOT NULL,
            report_json TEXT
        );
        CREATE INDEX runs_by_experiment ON runs (experiment, id);
        CREATE TABLE verdicts (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            point INTEGER NOT NULL,
            parameters_json TEXT NOT NULL,
            environment TEXT NOT NULL,
            verdict TEXT NOT NULL,
            proxy TEXT,
            capability_mean REAL,
            capability_ci_low REAL,
            capability_ci_high REAL,
            explanation TEXT NOT NULL,
            PRIMARY KEY (run_id, point, environment)
        );
        CREATE TABLE scores (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            point INTEGER NOT NULL,
            environment TEXT NOT NULL,
            policy TEXT NOT NULL CHECK (policy IN ('evaluated', 'random')),
            objective TEXT NOT NULL,
            role TEXT NOT NULL,
            score_mean REAL, score_ci_low REAL, score_ci_high REAL,
            score_all_mean REAL, score_all_ci_low REAL, score_all_ci_high REAL,
            goal_rate_mean REAL,
            seeds INTEGER NOT NULL,
            PRIMARY KEY (run_id, point, environment, policy, objective)
        );
        CREATE TABLE seed_metrics (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            point INTEGER NOT NULL,
            environment TEXT NOT NULL,
            seed INTEGER NOT NULL,
            verdict TEXT NOT NULL,
            proxy TEXT,
            capability REAL NOT NULL,
            objective TEXT NOT NULL,
            score REAL,
            score_all REAL NOT NULL,
            goal_rate REAL NOT NULL,
            PRIMARY KEY (run_id, point, environment, seed, objective)
        );
        CREATE TABLE training (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            point INTEGER NOT NULL,
            seed INTEGER NOT NULL,
            steps INTEGER NOT NULL,
            steps_per_second REAL NOT NULL,
            seconds REAL NOT NULL,
            final_mean_return REAL,
            PRIMARY KEY (run_id, point, seed)
        );
        CREATE TABLE expectations (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            line INTEGER NOT NULL,
            text TEXT NOT NULL,
            passed INTEGER NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY (run_id, ordinal)
        );
        CREATE TABLE artifacts (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            path TEXT NOT NULL,
            PRIMARY KEY (run_id, path)
        );
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => Steps.Length;

    /// <summary>Brings the database to <see cref="Latest"/> in one immediate transaction (two first openers cannot both migrate).</summary>
    public static void Apply(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Version(connection, transaction);
        if (version > Latest)
        {
            throw new RunStoreException(
                $"the run history was written by a newer mesaspec (schema version {version}; this one knows up to {Latest}); upgrade mesaspec to read it");
        }
        for (var step = version; step < Latest; step++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Steps[step] + $"\nPRAGMA user_version = {step + 1};";
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public static int Version(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
