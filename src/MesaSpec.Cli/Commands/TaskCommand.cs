using System.CommandLine;
using MesaSpec.Cli.Parsing;
using MesaSpec.Language.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MesaSpec.Cli.Cluster;
using MesaSpec.Experiments.Training;
using MesaSpec.Runtime.Training;

namespace MesaSpec.Cli.Commands;

/// <summary>
/// <c>mesaspec task FOLDER [INDEX...]</c>: runs (point, seed) tasks of a distributed run and writes each outcome
/// into the run folder. What <c>--jobs</c> workers and Slurm array tasks run; not usually typed by hand.
/// </summary>
public sealed class TaskCommand : ICommand
{
    private readonly Argument<string> _folder = new("run-folder") { Description = "the distributed run's folder" };
    private readonly Argument<string[]> _index = new("INDEX")
    {
        Description = "the tasks, run in this order in this process (default: $SLURM_ARRAY_TASK_ID)",
        Arity = ArgumentArity.ZeroOrMore,
    };
    private readonly Option<string> _progress = CliOptions.Choice("--progress", ["none", "jsonl"], "none",
        "jsonl: training progress as JSON lines on stdout (what a --jobs parent reads)",
        mode => DiagnosticCatalog.InvalidUsage($"unknown progress mode '{mode}' (expected none or jsonl)"));

    public TaskCommand()
    {
        Declaration = new Verb("task", "run one task of a distributed run folder (what --jobs workers and Slurm tasks run)", """
            Runs task INDEX of the run folder's manifest: trains and evaluates one seed at one sweep point and
            writes tasks/INDEX.json atomically (tasks/INDEX.failed on failure). Several indices run in order, and
            the points of one seed whose training does not depend on the swept parameter share one training. The
            spec must be unchanged since the run was submitted. On a cluster, the task that completes the run
            collects it.
            exit codes: 0 done, 1 the experiment failed (diverged, impossible levels) or was cancelled, 2 error
            """)
        {
            _folder, _index, _progress,
        };
    }

    public Command Declaration { get; }

    public int Run(ParseResult parsed, CommandContext context)
    {
        var indexTexts = parsed.GetValue(_index) is { Length: > 0 } given ? given
            : Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID") is { } arrayIndex ? [arrayIndex] : [];
        if (indexTexts.Length == 0)
        {
            return UsageError.Write(context, "task needs an index (or SLURM_ARRAY_TASK_ID)", "task");
        }
        var path = context.FullPath(parsed.GetValue(_folder)!);
        var folder = RunFolder.Open(path, out var problem);
        if (folder is null)
        {
            ClusterRunOpening.Unusable(path, problem!, context);
            return ExitCodes.UsageOrInput;
        }
        var indices = new List<int>();
        foreach (var indexText in indexTexts)
        {
            if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedIndex) || parsedIndex >= folder.Manifest.Tasks.Count)
            {
                return UsageError.Write(context, $"'{indexText}' is not a task of this run (0 to {folder.Manifest.Tasks.Count - 1})");
            }
            indices.Add(parsedIndex);
        }
        var spec = ManifestSpec.Load(folder, context.Cancellation, out problem);
        if (spec is null)
        {
            foreach (var index in indices)
            {
                folder.WriteFailure(index, problem!);
            }
            ClusterRunOpening.Unusable(path, problem!, context);
            return ExitCodes.UsageOrInput;
        }
        var tasks = indices.Select(i => folder.Manifest.Tasks[i]).ToList();
        var progress = parsed.GetValue(_progress) == "jsonl" ? new JsonLinesProgress(context.Out) : null;
        var result = TaskExecution.Run(folder, spec, tasks, new TorchTrainer(), progress, context.Cancellation, out var failed, out var failure);
        if (result != TaskExecution.Result.Finished)
        {
            context.Error.WriteLine($"task {failed!.Index} (point {failed.Point}, seed {failed.Seed}): {failure}");
            return ExitCodes.Findings;
        }
        if (folder.State().Backend != "local")
        {
            CollectIfLast(folder, spec, context);
        }
        return ExitCodes.Success;
    }

    /// <summary>The task that completes the run collects it; a lock keeps two last tasks from collecting at once.</summary>
    private static void CollectIfLast(RunFolder folder, ManifestSpec spec, CommandContext context)
    {
        if (folder.Finished().Count != folder.Manifest.Tasks.Count)
        {
            return;
        }
        try
        {
            using var exclusive = new FileStream(Path.Combine(folder.Path, "collect.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            RunCollection.Collect(folder, spec, new Dictionary<int, TaskState>(), context.Error, "");
            context.Error.WriteLine($"every task is done; collected the report into {folder.Path}");
        }
        catch (IOException)
        {
            // Another last task is collecting the same outcomes.
        }
    }

    private sealed class JsonLinesProgress(TextWriter output) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            output.WriteLine(JsonSerializer.Serialize(value, TaskProgressJson.Options));
            output.Flush();
        }
    }
}
