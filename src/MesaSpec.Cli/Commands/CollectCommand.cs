using System.CommandLine;
using MesaSpec.Cli.Parsing;
using MesaSpec.Experiments.Running;
using System.Text.Json;
using MesaSpec.Cli.Cluster;
using MesaSpec.Cli.Running;
using Spectre.Console;

namespace MesaSpec.Cli.Commands;

/// <summary><c>mesaspec collect ID</c>: a distributed run's finished tasks aggregated into its report and history record.</summary>
public sealed class CollectCommand : ICommand
{
    private readonly Argument<string> _id = new("ID") { Description = "the run id mesaspec run --on slurm printed, or the run folder's path" };
    private readonly Option<bool> _json = SharedOptions.Json("the outcome as one JSON line for tools");

    public CollectCommand()
    {
        Declaration = new Verb("collect", "aggregate a distributed run's finished tasks into report.json/.md/.html and the run history", """
            Aggregates the outcomes the run's tasks wrote (so far) into report.json, report.md and report.html in
            its folder, exactly as a local run of the same tasks would, and records the run in the run history
            once it is over. ID is what mesaspec run --on slurm printed (mesaspec runs list shows them) or the
            run folder's path. A run whose tasks failed is reported failed, naming the tasks; mesaspec run
            --resume ID resubmits them. The last task of an array collects by itself.
            exit codes: 0 finished and every expectation holds, 1 an expectation fails, or the run is still
            running or was cancelled, 2 tasks failed or the run cannot be read
            """)
        {
            _id, _json,
        };
    }

    public Command Declaration { get; }

    public int Run(ParseResult parsed, CommandContext context)
    {
        if (ClusterRunOpening.Open(parsed.GetValue(_id)!, context) is not { } folder)
        {
            return ExitCodes.UsageOrInput;
        }
        return Collect(folder, context, parsed.GetValue(_json));
    }

    /// <summary>Collects and prints the outcome; shared with <c>cancel</c>.</summary>
    internal static int Collect(RunFolder folder, CommandContext context, bool json = false)
    {
        if (ManifestSpec.Load(folder, context.Cancellation, out var problem) is not { } spec)
        {
            ClusterRunOpening.Unusable(folder.Path, problem!, context);
            return ExitCodes.UsageOrInput;
        }
        var queued = ClusterRunOpening.Queued(folder, context);
        var id = folder.Manifest.Id;
        var collected = RunCollection.Collect(folder, spec, queued, context.Error, $"mesaspec run --resume {id} resubmits them");
        var report = collected.Report;
        var exit = report.Status switch
        {
            RunStatus.Failed => ExitCodes.UsageOrInput,
            RunStatus.Finished when report.Passed => ExitCodes.Success,
            _ => ExitCodes.Findings,
        };
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                @event = "finished",
                experiment = report.Experiment,
                report = ReportFiles.JsonPath(folder.Path),
                runId = collected.HistoryId,
                clusterRun = id,
                status = report.Status.Word(),
                statusDetail = report.StatusDetail,
                passed = report.Passed,
                summary = RunCommand.VerdictSummary(report),
                expectations = report.Expectations,
            }, TaskProgressJson.Options));
            return exit;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(context.Out),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 200);
        var done = collected.States.Values.Count(s => s == TaskState.Done);
        context.Out.WriteLine($"run {id}: {report.Status.Word()}, {done} of {collected.States.Count} tasks done");
        if (report.StatusDetail is { } detail)
        {
            context.Out.WriteLine($"  {detail}");
        }
        if (done > 0)
        {
            VerdictTable.Write(console, report);
        }
        context.Out.WriteLine($"report: {context.Display(ReportFiles.JsonPath(folder.Path))} (.md, .html)"
            + (collected.HistoryId is { } historyId ? $"; recorded as run {historyId} (mesaspec runs show {historyId})" : ""));
        return exit;
    }
}
