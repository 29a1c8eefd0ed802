using System.CommandLine;
using System.Globalization;
using MesaSpec.Cli.Input;
using MesaSpec.Cli.Output;
using MesaSpec.Cli.Parsing;
using MesaSpec.Cli.Running;
using MesaSpec.Testing.Reporting;
using MesaSpec.Testing.Running;
using MesaSpec.Testing.Snapshots;
using MesaSpec.Workspaces;

namespace MesaSpec.Cli.Commands;

/// <summary><c>mesaspec test</c>: run every experiment and compare its outcome with the verified snapshot beside the spec.</summary>
public sealed class TestCommand : ICommand
{
    private readonly Argument<string[]> _paths = CliOptions.Paths("specs to test; folders: every *.mesa below them (default: the current folder)");
    private readonly Option<bool> _accept = CliOptions.Flag("--accept",
        "promote received snapshots to verified (also: MESASPEC_ACCEPT=1); matched ones are never rewritten, nor one written by a newer mesaspec; " +
        "removes orphaned verified snapshots (of a spec or experiment that was renamed), which test otherwise lists");
    private readonly Option<bool> _noCache = CliOptions.Flag("--no-cache", "run every experiment even when its outcome is cached");
    private readonly Option<string?> _junit = CliOptions.Text("--junit", "FILE", "also write a JUnit XML report for CI");
    private readonly Option<int?> _seeds = SharedOptions.Seeds();
    private readonly Option<int?> _threads = SharedOptions.Threads();
    private readonly Option<bool> _noPlugins = RunWiring.NoPluginsOption();

    public TestCommand()
    {
        Declaration = new Verb("test", "run experiments as a regression suite against verified snapshots", """
            Runs every experiment of each spec with the spec's own settings, checks every expect, and compares
            the outcome with the snapshot beside the spec, <spec>.<experiment>.verified.json. Verdicts must
            match exactly; scores within the experiment's `tolerance`, or without one within sqrt(2) x the
            half-width of the verified 95% CI. On a mismatch it writes <spec>.<experiment>.received.json and
            prints a diff; a missing verified snapshot fails as new. Outcomes are cached under .mesaspec/cache/
            of the workspace, keyed by the spec and its imports, the engine build, the seeds and the threads.

            exit codes: 0 every snapshot matches and every expectation holds, 1 a failure, 2 usage or input errors
            """)
        {
            _paths, _accept, _noCache, _junit, _seeds, _threads, _noPlugins,
        };
    }

    public Command Declaration { get; }

    public int Run(ParseResult parsed, CommandContext context)
    {
        var seeds = parsed.GetValue(_seeds);
        var threads = parsed.GetValue(_threads);
        var options = new SnapshotOptions
        {
            Seeds = seeds,
            Threads = threads ?? 1,
            Accept = parsed.GetValue(_accept),
            UseCache = !parsed.GetValue(_noCache),
        };

        var inputs = SpecInputs.Load(parsed.GetValue(_paths)!, context);
        var diagnostics = new TextDiagnosticWriter(context);
        foreach (var problem in inputs.Problems)
        {
            diagnostics.Write(problem);
        }
        var tester = new SnapshotTester(options, RunWiring.Runner);
        var console = TerminalConsole.For(context);
        var outcomes = new List<ExperimentOutcome>();
        var specErrors = new List<(string Spec, string Error)>();
        var tested = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var file in inputs.Readable)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var compilation = RunWiring.Compile(file, context.Cancellation, analyze: false, plugins: !parsed.GetValue(_noPlugins));
            if (compilation.HasErrors)
            {
                var errors = compilation.Diagnostics.Where(d => d.IsError).ToList();
                context.Out.WriteLine($"FAIL  {context.Display(file.Path)}: the spec has {errors.Count} error(s)");
                foreach (var diagnostic in errors)
                {
                    diagnostics.Write(new ReportedDiagnostic(diagnostic, compilation.TreeFor(diagnostic.Path)?.Text));
                }
                specErrors.Add((file.Path, string.Join("\n", errors.Select(e => $"{e.Code}: {e.Message}"))));
                continue;
            }
            tested[file.Path] = compilation.Plans.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var plan in compilation.Plans)
            {
                // Training takes minutes: its progress, as lines under the experiment's name (cached outcomes print none).
                var progress = new ConsoleRunObserver(console, live: false, onReport: _ => { }, prefix: $"      {plan.Name} ");
                var outcome = tester.Test(file.Path, WorkspaceRoot.For(file.Path), compilation, plan, context.Cancellation, progress);
                outcomes.Add(outcome);
                Write(outcome, context);
            }
        }

        WriteOrphans(OrphanedSnapshots.Find(tested), options.Accepting, context);
        var failed = outcomes.Count(o => !o.Passed) + specErrors.Count;
        context.Out.WriteLine($"{outcomes.Count(o => o.Passed)} passed, {failed} failed");
        if (parsed.GetValue(_junit) is { } junit)
        {
            JUnitReport.Write(JUnitReport.Build(outcomes, context.Display, specErrors), context.FullPath(junit));
        }
        return inputs.Problems.Count > 0 ? ExitCodes.UsageOrInput
            : failed > 0 ? ExitCodes.Findings
            : ExitCodes.Success;
    }

    /// <summary>"PASS  examples/coin-at-the-end.mesa CoinAtTheEnd  snapshot matches (cached)", then the diff of a failure.</summary>
    private static void Write(ExperimentOutcome outcome, CommandContext context)
    {
        var mark = outcome.Passed ? "PASS" : "FAIL";
        var timing = outcome.Cached ? "cached" : outcome.Duration.TotalSeconds.ToString("0.0s", CultureInfo.InvariantCulture);
        context.Out.WriteLine($"{mark}  {context.Display(outcome.SpecPath)} {outcome.Experiment}  {outcome.Summary} ({timing})");
        foreach (var expectation in outcome.FailedExpectations)
        {
            context.Out.WriteLine($"      expectation failed: {expectation}");
        }
        if (outcome.Diff is not null && outcome.Status == SnapshotStatus.Changed)
        {
            context.Out.Write(outcome.Diff);
        }
    }

    /// <summary>Verified snapshots no tested spec produces: listed; with --accept, removed (each one named).</summary>
    private static void WriteOrphans(IReadOnlyList<OrphanedSnapshot> orphans, bool accept, CommandContext context)
    {
        foreach (var orphan in orphans)
        {
            if (!accept)
            {
                context.Out.WriteLine($"ORPHAN  {context.Display(orphan.Path)}: {orphan.Reason}; --accept removes it");
                continue;
            }
            try
            {
                File.Delete(orphan.Path);
                context.Out.WriteLine($"REMOVED {context.Display(orphan.Path)}: {orphan.Reason}");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                context.Out.WriteLine($"ORPHAN  {context.Display(orphan.Path)}: {orphan.Reason}; could not remove it: {exception.Message}");
            }
        }
    }
}
