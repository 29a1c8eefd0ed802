using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MesaSpec.Cli.Cluster;
using MesaSpec.Cli.Output;
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
    public string Name => "run";

    public string Summary => "run a spec's experiments end to end and write report.json/.md/.html";

    public string Usage => """
        usage: mesaspec run <file> [--experiment NAME] [--seeds N] [--threads N] [--device cpu|cuda]
                                   [--out DIR] [--progress auto|bar|lines|jsonl] [--jobs N] [--no-plugins]
                                   [--resume-from CHECKPOINT]
               mesaspec run <file> --on slurm [--partition P] [--array-parallelism K] [--time T]
                                   [--cpus-per-task C] [--sbatch-arg ARG ...] (and the options above)
               mesaspec run --resume ID [the --on options, to change them]

        Trains each experiment's model with its algorithm (or uses its reference policy), evaluates it
        on every evaluation environment, infers the behavioural objective and reports the verdict with
        95% confidence intervals across seeds. Without --experiment every experiment in the file runs.

        --seeds N      run seeds 0..N-1 instead of the spec's seeds (a quick look)
        --threads N    LibTorch threads (default 1; results are identical for the same seed and threads)
        --out DIR      output folder (default runs/<experiment>-<time>); with several experiments, one
                       subfolder per experiment
        --progress     bar (live bars), lines (plain lines), jsonl (JSON lines for tools), auto (default)
        --jobs N       run N (point, seed) tasks at once in worker processes (default: cores / threads);
                       the report is the same as with --jobs 1
        --resume-from  start every model from recorded weights instead of a fresh initialisation, then
                       train the spec's phases from there: a checkpoint file (every seed starts from it),
                       or an earlier run's folder (each point and seed from the final checkpoint its
                       report.json recorded)
        --on slurm     submit the tasks as one Slurm job array and return its run id at once; the run folder
                       (--out) must be on a filesystem the nodes share. mesaspec runs show ID, collect ID,
                       cancel ID follow it; --resume ID resubmits only the tasks that did not finish.
                       --array-parallelism K: at most K tasks at once; --cpus-per-task C (default --threads);
                       --sbatch-arg ARG: passed on to sbatch (repeatable). See docs/cluster.md.

        Ctrl-C stops cleanly: completed seeds are kept and the report is marked cancelled.
        exit codes: 0 every expectation holds, 1 an expectation fails or the run was cancelled, 2 error
        """;

    public int Run(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = CommandArguments.Parse(args, new HashSet<string> { RunWiring.NoPlugins },
            new HashSet<string>
            {
                "--experiment", "--seeds", "--threads", "--device", "--out", "--progress", "--jobs",
                "--on", "--partition", "--array-parallelism", "--time", "--cpus-per-task", "--sbatch-arg", "--resume", "--resume-from",
            }, out var error);
        if (parsed is null)
        {
            return UsageError.Write(context, error!, Usage);
        }
        var cluster = ClusterArguments.Parse(parsed, context, out var clusterError);
        if (clusterError)
        {
            return ExitCodes.UsageOrInput;
        }
        if (parsed.Options.TryGetValue("--resume", out var resumeId))
        {
            return parsed.Positional.Count == 0
                ? ClusterSubmission.Resume(resumeId, cluster.Explicit ? cluster.Options : null, context)
                : UsageError.Write(context, "run --resume takes a run id, not a spec file (the run folder's manifest names the spec)", Usage);
        }
        if (parsed.Positional.Count != 1)
        {
            return UsageError.Write(context, "run takes exactly one spec file", Usage);
        }
        if (!TryInt(parsed, "--seeds", 1, 1000, out var seeds, context) || !TryInt(parsed, "--threads", 1, 256, out var threads, context)
            || !TryInt(parsed, "--jobs", 1, 256, out var jobs, context))
        {
            return ExitCodes.UsageOrInput;
        }
        var resumeFrom = parsed.Options.TryGetValue("--resume-from", out var resumeOption) ? context.FullPath(resumeOption) : null;
        if (resumeFrom is not null && ResumePoint.Problem(resumeFrom) is { } resumeProblem)
        {
            return UsageError.Write(context, $"--resume-from {context.Display(resumeFrom)}: {resumeProblem}");
        }
        var device = parsed.Options.GetValueOrDefault("--device", "cpu");
        var progressMode = parsed.Options.GetValueOrDefault("--progress", "auto");
        if (progressMode is not ("auto" or "bar" or "lines" or "jsonl"))
        {
            return UsageError.Write(context, $"unknown progress mode '{progressMode}' (expected auto, bar, lines or jsonl)");
        }

        var inputs = SpecInputs.Load(parsed.Positional, context);
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
        var compilation = RunWiring.Compile(file, context.Cancellation, plugins: !parsed.Flags.Contains(RunWiring.NoPlugins));
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
        if (parsed.Options.TryGetValue("--experiment", out var name))
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

        var outRoot = parsed.Options.TryGetValue("--out", out var outOption) ? context.FullPath(outOption) : null;
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
            var options = new RunOptions(threads ?? 1, device, Path.Combine(directory, "checkpoints"), seeds, ResumeFrom: resumeFrom);
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
        void Save(RunReport report) => recording.Save(report);
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
            var console = ConsoleFor(context);
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
        + $"{e.Environment}: {(e.Verdict == "pseudo_aligned" ? $"pseudo_aligned({e.Proxy})" : e.Verdict)}")));

    private static IAnsiConsole ConsoleFor(CommandContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = context.UseColor ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = context.UseColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(context.Out),
            Interactive = context.UseColor ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!context.UseColor)
        {
            // Redirected output (a log, CI, the language server) has no width to fit: Spectre would assume 80
            // columns and wrap the verdict table cell by cell.
            console.Profile.Width = Math.Max(console.Profile.Width, 200);
        }
        return console;
    }

    private static bool TryInt(CommandArguments parsed, string option, int min, int max, out int? value, CommandContext context)
    {
        value = null;
        if (!parsed.Options.TryGetValue(option, out var text))
        {
            return true;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedValue) && parsedValue >= min && parsedValue <= max)
        {
            value = parsedValue;
            return true;
        }
        UsageError.Write(context, $"{option} takes a whole number from {min} to {max}, not '{text}'");
        return false;
    }

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
