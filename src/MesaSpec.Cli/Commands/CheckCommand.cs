using System.CommandLine;
using MesaSpec.Cli.Input;
using MesaSpec.Cli.Output;
using MesaSpec.Cli.Parsing;
using MesaSpec.Cli.Running;
using MesaSpec.Gridworld.Analysis;
using MesaSpec.Hosting;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Syntax;
using MesaSpec.Workspaces;

namespace MesaSpec.Cli.Commands;

/// <summary><c>mesaspec check</c>: parse, bind and check specs; print every diagnostic.</summary>
public sealed class CheckCommand : ICommand
{
    private readonly Argument<string[]> _paths = CliOptions.Paths("specs to check; folders: every *.mesa below them (default: the current folder)");
    private readonly Option<string> _format = CliOptions.Choice("--format", ["text", "json"], "text",
        "text: as compilers print diagnostics; json: one document for tools",
        format => DiagnosticCatalog.InvalidUsage($"unknown format '{format}' (expected text or json)"));
    private readonly Option<bool> _noPlugins = RunWiring.NoPluginsOption();
    private readonly Option<string> _progress = CliOptions.Choice("--progress", ["auto", "lines", "none"], "auto",
        "lines: a line on stderr per spec and per experiment analysed, with its time; none; auto: lines on a terminal",
        mode => DiagnosticCatalog.InvalidUsage($"unknown progress mode '{mode}' (expected auto, lines or none)"));

    public CheckCommand()
    {
        Declaration = new Verb("check", "report every diagnostic of the specs (--format json for tools)", """
            Parses, binds and checks each spec together with the files it imports, and prints every diagnostic
            with its code, location, the source line with the span underlined, and the suggested fix.

            Imports are resolved relative to the importing file and may not leave the workspace: the
            nearest folder above the spec that contains .git or a *.sln file, else the spec's own folder.

            Components declared by the workspace's plugins (mesaspec.json, see docs/plugins.md) are loaded
            unless --no-plugins is given; a plugin that fails to load is reported as MS0203.

            exit codes: 0 no errors (warnings allowed), 1 errors in a spec, 2 usage or input errors
            """)
        {
            _paths, _format, _noPlugins, _progress,
        };
    }

    public Command Declaration { get; }

    /// <summary>"  experiment MonsterGridworld: identifiability analysed in 3.4 s", written as each analysis ends.</summary>
    private sealed class AnalysisLines(TextWriter error) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"  experiment {value.Experiment}: {value.Analyzer} analysed in {value.Elapsed.TotalSeconds:0.0} s"));
    }

    public int Run(ParseResult parsed, CommandContext context)
    {
        var format = parsed.GetValue(_format);
        var noPlugins = parsed.GetValue(_noPlugins);

        var progressMode = parsed.GetValue(_progress)!;
        // The design analysis plans sampled levels exactly, which can take minutes for big worlds: say what is done.
        var showProgress = progressMode == "lines" || (progressMode == "auto" && context.Width is not null && !Console.IsErrorRedirected);
        var inputs = SpecInputs.Load(parsed.GetValue(_paths)!, context);
        var reported = new List<ReportedDiagnostic>(inputs.Problems);
        var seen = new HashSet<(string, string, int, int, string)>();
        foreach (var file in inputs.Readable)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (showProgress)
            {
                context.Error.WriteLine($"checking {context.Display(file.Path)}");
            }
            var compilation = RunWiring.Compile(file, context.Cancellation, plugins: !noPlugins,
                analysisProgress: showProgress ? new AnalysisLines(context.Error) : null);
            foreach (var diagnostic in compilation.Diagnostics)
            {
                // A file imported by several checked specs reports its problems once.
                if (seen.Add((diagnostic.Code, diagnostic.Path, diagnostic.Span.Start, diagnostic.Span.Length, diagnostic.Message)))
                {
                    reported.Add(new ReportedDiagnostic(diagnostic, compilation.TreeFor(diagnostic.Path)?.Text));
                }
            }
        }

        var files = inputs.Files.Select(f => f.Path).ToList();
        if (format == "json")
        {
            JsonDiagnosticWriter.Write(context, files, reported);
        }
        else
        {
            var writer = new TextDiagnosticWriter(context);
            foreach (var diagnostic in reported)
            {
                writer.Write(diagnostic);
            }
            writer.WriteSummary(
                inputs.Readable.Count(),
                reported.Count(d => d.Diagnostic.Severity == DiagnosticSeverity.Error),
                reported.Count(d => d.Diagnostic.Severity == DiagnosticSeverity.Warning),
                reported.Count(d => d.Diagnostic.Severity == DiagnosticSeverity.Info));
        }
        return inputs.Problems.Count > 0 ? ExitCodes.UsageOrInput
            : reported.Any(d => d.Diagnostic.IsError) ? ExitCodes.Findings
            : ExitCodes.Success;
    }
}
