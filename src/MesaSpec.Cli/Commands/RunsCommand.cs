using MesaSpec.Experiments.Running;
using System.CommandLine;
using System.Globalization;
using MesaSpec.Cli.Cluster;
using MesaSpec.Cli.Input;
using MesaSpec.Cli.Parsing;
using MesaSpec.Cli.Running;
using MesaSpec.History.Comparison;
using MesaSpec.History;
using MesaSpec.Workspaces;
using Spectre.Console;

namespace MesaSpec.Cli.Commands;

/// <summary><c>mesaspec runs</c>: the workspace's run history (list, show, compare, export, delete).</summary>
public sealed class RunsCommand : ICommand
{
    private const string Name = "runs";

    private readonly Argument<string[]> _words = new("subcommand")
    {
        Description = "list | show ID | compare ID ID | export ID | delete ID",
        Arity = ArgumentArity.ZeroOrMore,
    };
    private readonly Option<string?> _database = SharedOptions.Database();
    private readonly Option<string?> _experiment = CliOptions.Text("--experiment", "NAME", "list: only the runs of this experiment");
    private readonly Option<int?> _limit = CliOptions.WholeNumber("--limit", 1, int.MaxValue, "list: at most N runs, newest first (default 30)", showMax: false);
    private readonly Option<string?> _out = CliOptions.Text("--out", "FILE", "export: write the JSON document to FILE; compare: write the comparison as a page (FILE.html) or JSON (FILE.json)");
    private readonly Option<bool> _json = SharedOptions.Json("list, show, compare: JSON for tools");

    public RunsCommand()
    {
        _words.CompletionSources.Add("list", "show", "compare", "export", "delete");
        Declaration = new Verb(Name, "list, show, compare, export and delete recorded runs (.mesaspec/runs.db)", """
            mesaspec runs list | show ID (ID of a distributed run: each task's state) | compare ID ID | export ID | delete ID

            Every mesaspec run is recorded: spec text and hash, engine version, settings, seeds, status, per-seed
            metrics, verdicts and the paths of its reports and checkpoints. A run whose process is gone while it
            was still running shows as "interrupted".

            compare lines up two runs (sweep points, environments, objectives) and marks with '!' the differences
            that matter: a changed verdict or proxy, scores whose 95% intervals no longer overlap (with one seed:
            a change of at least 0.1), an expectation that flipped; then the spec lines that changed. With
            --out FILE.html it writes that as a page, with --out FILE.json or --json as JSON.
            export writes the run record and its full report as one JSON document; list --json lists for tools
            (each run with its outputDirectory, where its report files are). delete removes a run from the history
            (not its report files); a run still going is refused.
            exit codes: 0 done, 2 unknown run or unusable history
            """)
        {
            _words, _database, _experiment, _limit, _out, _json,
        };
    }

    public Command Declaration { get; }

    public int Run(ParseResult parsed, CommandContext context)
    {
        var words = parsed.GetValue(_words) ?? [];
        var json = parsed.GetValue(_json);
        if (words.Length == 0)
        {
            return UsageError.Write(context, "runs needs a subcommand: list, show, compare, export or delete", Name);
        }
        var database = parsed.GetValue(_database) is { } db
            ? context.FullPath(db)
            : RunStore.PathFor(WorkspaceRoot.For(Path.Combine(context.CurrentDirectory, "_")));
        var (verb, rest) = (words[0], words.Skip(1).ToList());
        var expected = verb switch { "list" => 0, "show" or "export" or "delete" => 1, "compare" => 2, _ => -1 };
        if (expected < 0)
        {
            return UsageError.Write(context, $"unknown runs subcommand '{verb}' (expected list, show, compare, export or delete)", Name);
        }
        if (rest.Count != expected)
        {
            return UsageError.Write(context, $"runs {verb} takes {expected switch { 0 => "no run id", 1 => "one run id", _ => "two run ids" }}", Name);
        }
        if (verb == "show" && !long.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            // A distributed run's id (mesaspec run --on slurm): its tasks' states.
            return ClusterRunView.Show(rest[0], context, json);
        }
        var ids = new List<long>();
        foreach (var text in rest)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return UsageError.Write(context, $"'{text}' is not a run id (mesaspec runs list shows them)");
            }
            ids.Add(id);
        }
        if (Directory.Exists(database))
        {
            return UsageError.Write(context, $"--db names the folder {context.Display(database)}; give the database file (the history is {RunStore.RelativePath} in a workspace)");
        }
        if (verb == "list" && !File.Exists(database))
        {
            context.Out.WriteLine(json ? "[]" : "no runs recorded yet (mesaspec run records every run)");
            if (!json)
            {
                ClusterRunView.List(context);
            }
            return ExitCodes.Success;
        }
        if (!File.Exists(database))
        {
            return UsageError.Write(context, $"no run history at {context.Display(database)}; mesaspec run records one");
        }

        try
        {
            if (verb == "delete")
            {
                return Delete(database, ids[0], context);
            }
            using var store = RunStore.OpenReadOnly(database);
            var runs = new List<StoredRun>();
            foreach (var id in ids)
            {
                if (store.Find(id) is not { } run)
                {
                    return UsageError.Write(context, $"no run {id} in {context.Display(database)} (mesaspec runs list shows the ids)");
                }
                runs.Add(run);
            }
            switch (verb)
            {
                case "list":
                    return List(store, parsed.GetValue(_limit) ?? 30, parsed.GetValue(_experiment), json, context);
                case "show":
                    Show(runs[0], context);
                    return ExitCodes.Success;
                case "compare":
                    return Compare(RunComparer.Compare(runs[0], runs[1]), parsed.GetValue(_out), json, context);
                default:
                    var exported = RunExport.ToJson(runs[0]);
                    if (parsed.GetValue(_out) is { } output)
                    {
                        File.WriteAllText(context.FullPath(output), exported);
                        context.Out.WriteLine($"exported run {runs[0].Id} to {output}");
                    }
                    else
                    {
                        context.Out.WriteLine(exported);
                    }
                    return ExitCodes.Success;
            }
        }
        catch (RunStoreException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageOrInput;
        }
    }

    /// <summary>
    /// The comparison on the terminal, as JSON for tools (<c>--json</c>), or written to <c>--out FILE</c>: a page for
    /// <c>.html</c>, JSON for <c>.json</c>.
    /// </summary>
    private static int Compare(RunComparison comparison, string? output, bool json, CommandContext context)
    {
        var document = new
        {
            before = comparison.Before.Id,
            after = comparison.After.Id,
            differencesThatMatter = comparison.DifferencesThatMatter,
            rows = comparison.Rows,
            specChanges = comparison.SpecChanges,
        };
        string Json() => System.Text.Json.JsonSerializer.Serialize(document, MesaSpec.Experiments.Reports.ReportJson.Options);
        if (output is null)
        {
            context.Out.Write(json ? Json() + "\n" : ComparisonText.Render(comparison, context.Width));
            return ExitCodes.Success;
        }
        var extension = Path.GetExtension(output).ToLowerInvariant();
        if (extension is not (".html" or ".htm" or ".json"))
        {
            return UsageError.Write(context, $"--out {output}: compare writes a page (.html) or JSON (.json), not '{extension}'", Name);
        }
        File.WriteAllText(context.FullPath(output), extension == ".json" ? Json() : ComparisonHtml.Render(comparison));
        context.Out.WriteLine($"wrote the comparison of runs {comparison.Before.Id} and {comparison.After.Id} to {output}");
        return ExitCodes.Success;
    }

    /// <summary>Removes one run from the history; the only verb here that writes, so it alone opens the store for writing.</summary>
    private static int Delete(string database, long id, CommandContext context)
    {
        using var store = RunStore.Open(database);
        switch (store.Delete(id))
        {
            case RunDeletion.Deleted:
                context.Out.WriteLine($"deleted run {id} from the history (its report files stay)");
                return ExitCodes.Success;
            case RunDeletion.StillRunning:
                return UsageError.Write(context, $"run {id} is still running; cancel it first");
            default:
                return UsageError.Write(context, $"no run {id} in {context.Display(database)} (mesaspec runs list shows the ids)");
        }
    }

    private static int List(RunStore store, int limit, string? experiment, bool json, CommandContext context)
    {
        var runs = store.List(limit, experiment);
        if (json)
        {
            // For tools (the editor's results view): the summaries as a JSON array, newest first.
            context.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(runs, MesaSpec.Experiments.Reports.ReportJson.Options));
            return ExitCodes.Success;
        }
        if (runs.Count == 0)
        {
            context.Out.WriteLine("no runs recorded yet (mesaspec run records every run)");
            ClusterRunView.List(context);
            return ExitCodes.Success;
        }
        var rows = runs.Select(r => (IReadOnlyList<string>)
        [
            r.Id.ToString(CultureInfo.InvariantCulture),
            r.StartedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            r.Status.Word() + (r.Passed == false && r.Status == RunStatus.Finished ? " (expectation failed)" : ""),
            r.DurationSeconds is { } d ? $"{d.ToString("0", CultureInfo.InvariantCulture)} s" : "-",
            r.Experiment,
            r.Verdicts.Length == 0 ? "-" : r.Verdicts,
        ]).ToList();
        Output.TextTable.Write(context.Out, ["id", "started", "status", "time", "experiment", "verdicts"], rows, context.Width);
        ClusterRunView.List(context);
        return ExitCodes.Success;
    }

    private static void Show(StoredRun run, CommandContext context)
    {
        var s = run.Summary;
        var o = context.Out;
        o.WriteLine($"run {run.Id}: {s.Experiment}");
        o.WriteLine($"  status     {s.Status.Word()}{(run.StatusDetail is null ? "" : $" ({run.StatusDetail})")}");
        o.WriteLine($"  spec       {s.SpecPath} (sha256 {s.SpecSha256})");
        o.WriteLine($"  policy     {s.PolicySource}");
        o.WriteLine($"  seeds      {string.Join(", ", run.Seeds)}");
        o.WriteLine($"  started    {s.StartedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} on {run.Host}"
            + (s.DurationSeconds is { } d ? $", {d.ToString("0.#", CultureInfo.InvariantCulture)} s" : ""));
        o.WriteLine($"  engine     {run.EngineVersion}; {string.Join(", ", run.Settings.Select(kv => $"{kv.Key} {kv.Value}"))}");
        if (run.OutputDirectory is not null)
        {
            o.WriteLine($"  output     {context.Display(run.OutputDirectory)}");
        }
        foreach (var artifact in run.Artifacts)
        {
            o.WriteLine($"  {artifact.Kind,-10} {context.Display(artifact.Path)}");
        }
        o.WriteLine();
        if (run.Report is null)
        {
            o.WriteLine(s.Status == RunStatus.Running
                ? "no report yet: no seed has finished"
                : "no report was recorded: the run stopped before its first seed finished");
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = context.UseColor ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = context.UseColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(context.Out),
            Interactive = InteractionSupport.No,
        });
        VerdictTable.Write(console, run.Report);
    }
}
