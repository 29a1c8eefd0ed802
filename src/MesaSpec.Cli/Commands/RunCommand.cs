using MesaSpec.Language.Model;
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MesaSpec.Cli.Cluster;
using MesaSpec.Cli.Output;
using MesaSpec.Cli.Parsing;
using MesaSpec.Cli.Running;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;
using Spectre.Console;

namespace MesaSpec.Cli.Commands;

/// <summary><c>mesaspec run</c>: train, evaluate, judge, report.</summary>
public sealed class RunCommand : ICommand
{
    private const string Name = "run";

    /// <summary>The devices a run trains on (TorchSharp's names).</summary>
    public static IReadOnlyList<string> Devices { get; } = ["cpu", "cuda"];

    private readonly Argument<string?> _file = new("file") { Description = "the spec to run", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _experiment = CliOptions.Text("--experiment", "NAME", "run only this experiment (default: every experiment in the file)");
    private readonly Option<int?> _seeds = SharedOptions.Seeds();
    private readonly Option<int?> _threads = SharedOptions.Threads();
    private readonly Option<string> _device = CliOptions.Choice("--device", Devices, "cpu", "where TorchSharp trains",
        device => DiagnosticCatalog.UnknownDevice(device, Devices));
    private readonly Option<string?> _out = CliOptions.Text("--out", "DIR",
        "output folder (default runs/<experiment>-<time>); with several experiments, one subfolder per experiment");
    private readonly Option<string> _progress = CliOptions.Choice("--progress", ["auto", "bar", "lines", "jsonl"], "auto",
        "bar (live bars), lines (plain lines), jsonl (JSON lines for tools), auto",
        mode => DiagnosticCatalog.InvalidUsage($"unknown progress mode '{mode}' (expected auto, bar, lines or jsonl)"));
    private readonly Option<int?> _jobs = CliOptions.WholeNumber("--jobs", 1, 256,
        "run N (point, seed) tasks at once in worker processes (default: cores / threads); the report is the same as with --jobs 1");
    private readonly Option<bool> _noPlugins = RunWiring.NoPluginsOption();
    private readonly ClusterArguments.Declaration _cluster = new();
    private readonly Option<string?> _resume = CliOptions.Text("--resume", "ID", "resubmit only the tasks of distributed run ID that did not finish");
    private readonly Option<string?> _resumeFrom = CliOptions.Text("--resume-from", "CHECKPOINT",
        "start every model from recorded weights instead of a fresh initialisation, then train the spec's phases from there: " +
        "a checkpoint file (every seed starts from it), or an earlier run's folder (each point and seed from the final checkpoint its report.json recorded)");

    private readonly Option<int?> _scoresEvery = CliOptions.WholeNumber("--scores-every", 1, 1_000_000_000,
        "evaluate the model every N training steps on every evaluation environment (and at the start and end), for the report's scores over training; off by default (it costs evaluation time and changes no other number)", showMax: false);

    public RunCommand()
    {
        var verb = new Verb("run", "run a spec's experiments end to end and write report.json/.md/.html", """
            Trains each experiment's model with its algorithm (or uses its reference policy), evaluates it
            on every evaluation environment, infers the behavioural objective and reports the verdict with
            95% confidence intervals across seeds. Without --experiment every experiment in the file runs.

            mesaspec run <file> --on slurm submits the tasks as one Slurm job array and returns its run id at
            once; mesaspec runs show ID, collect ID, cancel ID follow it; mesaspec run --resume ID [the --on
            options, to change them] resubmits only the tasks that did not finish. See docs/cluster.md.

            Ctrl-C stops cleanly: completed seeds are kept and the report is marked cancelled.
            exit codes: 0 every expectation holds, 1 an expectation fails or the run was cancelled, 2 error
            """)
        {
            _file, _experiment, _seeds, _threads, _device, _out, _progress, _jobs, _noPlugins, _scoresEvery,
        };
        foreach (var option in _cluster.All)
        {
            verb.Options.Add(option);
        }
        verb.Options.Add(_resume);
        verb.Options.Add(_resumeFrom);
        Declaration = verb;
    }

    public Command Declaration { get; }

    public int Run(ParseResult parsed, CommandContext context)
    {
        string[] files = parsed.GetValue(_file) is { } file0 ? [file0] : [];
        var resumeId = parsed.GetValue(_resume);
        var jobs = parsed.GetValue(_jobs);
        if (ClusterArguments.Parse(_cluster, parsed, resuming: resumeId is not null, localJobs: jobs is not null, context) is not { } cluster)
        {
            return ExitCodes.UsageOrInput;
        }
        if (resumeId is not null)
        {
            return files.Length == 0
                ? ClusterSubmission.Resume(resumeId, cluster.Explicit ? cluster.Options : null, context)
                : UsageError.Write(context, "run --resume takes a run id, not a spec file (the run folder's manifest names the spec)", Name);
        }
        if (files.Length != 1)
        {
            return UsageError.Write(context, "run takes exactly one spec file", Name);
        }
        var seeds = parsed.GetValue(_seeds);
        var threads = parsed.GetValue(_threads);
        var device = parsed.GetValue(_device)!;
        var progressMode = parsed.GetValue(_progress)!;
        var resumeFrom = parsed.GetValue(_resumeFrom) is { } resumeOption ? context.FullPath(resumeOption) : null;
        if (resumeFrom is not null && ResumePoint.Problem(resumeFrom) is { } resumeProblem)
        {
            return UsageError.Write(context, $"--resume-from {context.Display(resumeFrom)}: {resumeProblem}", Name);
        }

        var inputs = SpecInputs.Load(files, context);
        if (inputs.Problems.Count > 0 || inputs.Readable.Count() != 1)
        {
            var writer = new TextDiagnosticWriter(context);
            foreach (var problem in inputs.Problems)
            {
                writer.Write(problem);
            }
            return ExitCodes.UsageOrInput;
        }
        var file = inputs.Readable.Single();
        var compilation = RunWiring.Compile(file, context.Cancellation, plugins: !parsed.GetValue(_noPlugins));
        if (compilation.HasErrors)
        {
            var writer = new TextDiagnosticWriter(context);
            foreach (var diagnostic in compilation.Diagnostics.Where(d => d.IsError))
            {
                writer.Write(new ReportedDiagnostic(diagnostic, compilation.TreeFor(diagnostic.Path)?.Text));
            }
            context.Error.WriteLine("the spec has errors; fix them before running (mesaspec check shows every diagnostic)");
            return ExitCodes.UsageOrInput;
        }

        var plans = compilation.Plans.ToList();
        if (parsed.GetValue(_experiment) is { } name)
        {
            plans = plans.Where(p => p.Name == name).ToList();
            if (plans.Count == 0)
            {
                var suggestion = NameSuggestions.Closest(name, compilation.Plans.Select(p => p.Name));
                return UsageError.Write(context,
                    $"{DiagnosticCodes.UnknownName}: no experiment '{name}' in {context.Display(file.Path)}"
                    + (suggestion is null ? "" : $"; did you mean '{suggestion}'?")
                    + $" (experiments: {string.Join(", ", compilation.Plans.Select(p => p.Name))})");
            }
        }
        if (plans.Count == 0)
        {
            return UsageError.Write(context, $"{context.Display(file.Path)} declares no experiment to run");
        }

        var outRoot = parsed.GetValue(_out) is { } outOption ? context.FullPath(outOption) : null;
        // Checked before any seed trains: a bad --out used to be found only when the first report was written.
        if (outRoot is not null && OutFolderProblem(outRoot) is { } outProblem)
        {
            return UsageError.Write(context, $"--out {context.Display(outRoot)}: {outProblem}");
        }
        var exit = ExitCodes.Success;
        foreach (var plan in plans)
        {
            var directory = outRoot is null
                ? OutputFolderClaim.Claim(Path.Combine(context.CurrentDirectory, "runs"), $"{plan.Name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}")
                : plans.Count == 1 ? outRoot : Path.Combine(outRoot, plan.Name);
            var options = new RunOptions(threads ?? 1, device, Path.Combine(directory, "checkpoints"), seeds, ResumeFrom: resumeFrom,
                ScoresEvery: parsed.GetValue(_scoresEvery) ?? 0);
            var spec = new SpecInfo(file.Path, Sha256(file.Text!.Text), ExperimentRunner.DescribePolicy(plan.Points[0].Policy));
            if (cluster.Backend is not null && plan.Points[0].IsTaskExperiment)
            {
                context.Error.WriteLine($"error {Language.Diagnostics.DiagnosticCodes.InvalidUsage}: experiment '{plan.Name}' is trained on a task; experiments on tasks run in this process only (leave out --on)");
                exit = Math.Max(exit, ExitCodes.UsageOrInput);
                continue;
            }
            if (cluster.Backend is { } backend)
            {
                exit = Math.Max(exit, ClusterSubmission.Submit(plan, spec, options, directory, backend, cluster.Options, progressMode == "jsonl", context));
                continue;
            }
            // Experiments on tasks run in this process: worker processes and clusters carry environment seeds only.
            var workers = plan.Points[0].IsTaskExperiment ? 1
                : Math.Min(jobs ?? Math.Max(1, Environment.ProcessorCount / options.Threads), plan.Points.Count * ExperimentRunner.SeedsOf(plan, options).Count);
            var code = RunOne(plan, spec, file.Text!.Text, options, directory, progressMode, workers, context);
            exit = Math.Max(exit, code);
            if (context.Cancellation.IsCancellationRequested)
            {
                break;
            }
        }
        return exit;
    }

    /// <summary>Why the run cannot write its reports under <paramref name="folder"/>, or null when it can.</summary>
    private static string? OutFolderProblem(string folder)
    {
        if (File.Exists(folder))
        {
            return "names a file; --out takes a folder";
        }
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".mesaspec-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write there ({e.Message})";
        }
    }

    private static int RunOne(ExperimentPlan plan, SpecInfo spec, string specText, RunOptions options, string directory, string progressMode, int jobs, CommandContext context)
    {
        // One task at a time runs in this process; more go to worker processes (the same report either way).
        RunReport Execute(IRunObserver observer) => jobs <= 1
            ? RunWiring.Runner(options).Run(plan, spec, observer, context.Cancellation)
            : LocalParallelRun.Run(plan, spec, options, directory, jobs, observer, context.Cancellation);
        using var recording = RunRecording.Begin(plan, spec, specText, options, directory, context.Error);
        var replay = new ExperimentReplay(plan);
        void Save(RunReport report) => recording.Save(report, replay);
        RunReport report;
        if (progressMode == "jsonl")
        {
            var observer = new JsonLinesRunObserver(context.Out, Save);
            report = Execute(observer);
            observer.Write(new
            {
                @event = "finished",
                experiment = plan.Name,
                report = ReportFiles.JsonPath(directory),
                runId = recording.Id,
                status = report.Status.Word(),
                passed = report.Passed,
                summary = VerdictSummary(report),
                expectations = report.Expectations,
            });
        }
        else
        {
            var console = TerminalConsole.For(context);
            var live = progressMode == "bar" || (progressMode == "auto" && context.UseColor && !Console.IsOutputRedirected);
            console.MarkupLine($"[bold]{Markup.Escape(plan.Name)}[/]: {Markup.Escape(spec.PolicySource)}, seeds {string.Join(", ", options.SeedCount is { } n ? Enumerable.Range(0, n) : plan.Points[0].Seeds)}"
                + (plan.Sweep is { } sweep ? $", sweeping {Markup.Escape(sweep.Parameter)} over {sweep.Values.Count} values" : ""));
            var observer = new ConsoleRunObserver(console, live, Save);
            report = observer.Show(() => Execute(observer));
            VerdictTable.Write(console, report);
            console.MarkupLine($"report: {Markup.Escape(context.Display(ReportFiles.JsonPath(directory)))} (.md, .html)"
                + (recording.Id is { } id ? $"; recorded as run {id} (mesaspec runs show {id})" : ""));
        }
        if (recording.RecordError is { } recordError)
        {
            context.Error.WriteLine($"error: {recordError}; the report files in {context.Display(directory)} are complete");
            return Math.Max(ExitCodes.Findings, ExitCodeFor(report, context));
        }
        return ExitCodeFor(report, context);
    }

    private static int ExitCodeFor(RunReport report, CommandContext context)
    {
        return report.Status switch
        {
            RunStatus.Failed => Failed(report, context),
            RunStatus.Finished when report.Passed => ExitCodes.Success,
            _ => ExitCodes.Findings,
        };
    }

    private static int Failed(RunReport report, CommandContext context)
    {
        context.Error.WriteLine($"error: {report.StatusDetail}");
        return ExitCodes.UsageOrInput;
    }

    /// <summary>One line per evaluation environment: "MazeAnywhere: pseudo_aligned(GoToCorner)".</summary>
    public static string VerdictSummary(RunReport report) => report.Points.Any(p => p.Tasks is not null)
        ? string.Join("; ", report.Points.SelectMany(p => (p.Tasks ?? []).Select(t => $"{t.Task}: {t.Verdict}{(t.Learner is { } l ? $"({l})" : "")}")))
        : string.Join("; ", report.Points.SelectMany(p => p.Evaluations.Select(e =>
        (p.Parameters.Count == 0 ? "" : $"[{string.Join(", ", p.Parameters.Select(kv => $"{kv.Key}={kv.Value}"))}] ")
        + $"{e.Environment}: {(VerdictWords.TryParse(e.Verdict, out var verdict) ? VerdictWords.Describe(verdict, e.Proxy) : e.Verdict)}")));

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
