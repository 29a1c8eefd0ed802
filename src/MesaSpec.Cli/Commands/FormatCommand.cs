using System.CommandLine;
using MesaSpec.Cli.Input;
using MesaSpec.Cli.Output;
using MesaSpec.Cli.Parsing;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Formatting;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Cli.Commands;

/// <summary><c>mesaspec fmt</c>: rewrite specs in the canonical layout, or (<c>--check</c>) only report which would change.</summary>
public sealed class FormatCommand : ICommand
{
    private readonly Argument<string[]> _paths = CliOptions.Paths("specs to format; folders: every *.mesa below them (default: the current folder)");
    private readonly Option<bool> _check = CliOptions.Flag("--check", "change nothing; list the files that are not formatted");

    public FormatCommand()
    {
        Declaration = new Verb("fmt", "format specs in place (--check: only report files that would change)", """
            Rewrites each spec in the canonical layout, keeping every comment. A spec with syntax errors is
            left untouched and its errors are reported.

            exit codes: 0 all formatted, 1 a file would change (--check) or has syntax errors, 2 usage or input errors
            """)
        {
            _paths, _check,
        };
    }

    public Command Declaration { get; }

    public int Run(ParseResult parsed, CommandContext context)
    {
        var checkOnly = parsed.GetValue(_check);
        var inputs = SpecInputs.Load(parsed.GetValue(_paths)!, context);
        var writer = new TextDiagnosticWriter(context);
        foreach (var problem in inputs.Problems)
        {
            writer.Write(problem);
        }

        int changed = 0, unchanged = 0, broken = 0, refused = 0;
        foreach (var file in inputs.Readable)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var tree = SyntaxTree.Parse(file.Text!);
            var errors = tree.Diagnostics.Where(d => d.IsError).ToList();
            if (errors.Count > 0)
            {
                broken++;
                foreach (var diagnostic in errors)
                {
                    writer.Write(new ReportedDiagnostic(diagnostic, tree.Text));
                }
                continue;
            }
            var formatted = FormattedFileWriter.InOriginalLineEnds(Formatter.Format(tree), file.Text!.Text);
            if (formatted == file.Text!.Text)
            {
                unchanged++;
                continue;
            }
            changed++;
            if (checkOnly)
            {
                context.Out.WriteLine($"would reformat {context.Display(file.Path)}");
            }
            else if (WriteProblem(file.Path, file.Text!.Text, formatted) is { } problem)
            {
                changed--;
                refused++;
                writer.Write(new ReportedDiagnostic(DiagnosticCatalog.FileNotWritten(file.Path, context.Display(file.Path), problem), null));
            }
            else
            {
                context.Out.WriteLine($"formatted {context.Display(file.Path)}");
            }
        }

        var verb = checkOnly ? "would reformat" : "reformatted";
        context.Out.WriteLine($"{changed} {verb}, {unchanged} already formatted" + (broken > 0 ? $", {broken} not formatted (syntax errors)" : "")
            + (refused > 0 ? $", {refused} not written" : ""));
        return inputs.Problems.Count > 0 || refused > 0 ? ExitCodes.UsageOrInput
            : broken > 0 || (checkOnly && changed > 0) ? ExitCodes.Findings
            : ExitCodes.Success;
    }

    private static string? WriteProblem(string path, string original, string formatted)
    {
        if (IsReadOnly(path))
        {
            // Replacing the file by a rename would succeed in a writable folder; a read-only file says not to.
            return "the file is read-only (make it writable, or use --check to only list what would change)";
        }
        try
        {
            return FormattedFileWriter.Replace(path, original, formatted);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write the formatted file: {e.Message}";
        }
    }

    private static bool IsReadOnly(string path)
    {
        var attributes = File.GetAttributes(path);
        if (attributes.HasFlag(FileAttributes.ReadOnly))
        {
            return true;
        }
        const UnixFileMode anyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        return !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & anyWrite) == 0;
    }
}
