using System.CommandLine;
using MesaSpec.Cli.Parsing;
using System.Globalization;
using MesaSpec.Cli.Input;
using MesaSpec.Experiments.Reports;
using MesaSpec.History;
using MesaSpec.Reporting;
using MesaSpec.Workspaces;

using MesaSpec.Cli.Running;

namespace MesaSpec.Cli.Commands;

/// <summary><c>mesaspec report</c>: regenerates a run's report.md and report.html (e.g. after a mesaspec upgrade).</summary>
public sealed class ReportCommand : ICommand
{
    private readonly Argument<string> _target = new("ID or PATH") { Description = "a run id of the history, or a report.json (or the run folder holding one)" };
    private readonly Option<string?> _out = CliOptions.Text("--out", "DIR", "write the reports into DIR");
    private readonly Option<string?> _database = SharedOptions.Database();

    public ReportCommand()
    {
        Declaration = new Verb("report", "regenerate a run's report.md and report.html from the run history or a report.json", """
            With a run id: writes report.json, report.md and report.html from the report recorded in the run
            history (.mesaspec/runs.db in the workspace of the current folder, or --db) into the run's output
            folder or --out DIR. With a path: rewrites report.md and report.html next to that report.json (or in
            --out DIR). The HTML is self-contained: it loads nothing from the network.
            exit codes: 0 written, 2 unknown run or unreadable report
            """)
        {
            _target, _out, _database,
        };
    }

    public Command Declaration { get; }

    public int Run(ParseResult parsed, CommandContext context)
    {
        var target = parsed.GetValue(_target)!;
        RunReport? report;
        string? directory;
        bool fromHistory;
        if (long.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var database = parsed.GetValue(_database) is { } db
                ? context.FullPath(db)
                : RunStore.PathFor(WorkspaceRoot.For(Path.Combine(context.CurrentDirectory, "_")));
            if (Directory.Exists(database))
            {
                return UsageError.Write(context, $"--db names the folder {context.Display(database)}; give the database file (the history is {RunStore.RelativePath} in a workspace)");
            }
            if (!File.Exists(database))
            {
                return UsageError.Write(context, $"no run history at {context.Display(database)}; mesaspec run records one");
            }
            try
            {
                using var store = RunStore.OpenReadOnly(database);
                if (store.Find(id) is not { } run)
                {
                    return UsageError.Write(context, $"no run {id} in {context.Display(database)} (mesaspec runs list shows the ids)");
                }
                if (run.Report is null)
                {
                    return UsageError.Write(context, $"run {id} stopped before its first seed finished: it has no report to draw");
                }
                report = run.Report;
                directory = run.OutputDirectory;
                fromHistory = true;
            }
            catch (RunStoreException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageOrInput;
            }
        }
        else
        {
            var path = context.FullPath(target);
            var json = Directory.Exists(path) ? Path.Combine(path, ReportDocuments.JsonName) : path;
            if (!File.Exists(json))
            {
                return UsageError.Write(context, $"'{target}' is neither a run id nor a report.json (or a folder holding one)");
            }
            try
            {
                report = ReportJson.Deserialize(File.ReadAllText(json));
            }
            catch (System.Text.Json.JsonException e)
            {
                return UsageError.Write(context, $"{context.Display(json)} is not a report.json: {e.Message}");
            }
            if (report is null || report.SchemaVersion != RunReport.CurrentSchemaVersion)
            {
                return UsageError.Write(context, $"{context.Display(json)} has schema version {report?.SchemaVersion}; this mesaspec reads {RunReport.CurrentSchemaVersion}");
            }
            directory = Path.GetDirectoryName(json);
            fromHistory = false;
        }

        if (parsed.GetValue(_out) is { } output)
        {
            directory = context.FullPath(output);
        }
        if (directory is null)
        {
            return UsageError.Write(context, "the run recorded no output folder; pass --out DIR");
        }
        // The recorded report is the authority for its run; a report.json given by path is only re-drawn.
        var replay = StoredReportReplay.For(report, context.Cancellation, out var replayProblem);
        if (replayProblem is not null)
        {
            context.Error.WriteLine($"warning: the episode browser lists the episodes without replaying them: {replayProblem}");
        }
        var written = fromHistory || !File.Exists(Path.Combine(directory, ReportDocuments.JsonName))
            ? ReportDocuments.Write(report, directory, replay)
            : ReportDocuments.WriteReadable(report, directory, replay);
        foreach (var file in written)
        {
            context.Out.WriteLine($"wrote {context.Display(file)}");
        }
        return ExitCodes.Success;
    }
}
