using System.CommandLine;
using System.CommandLine.Help;
using MesaSpec.Cli.Commands;
using MesaSpec.Cli.Parsing;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Versioning;

namespace MesaSpec.Cli;

/// <summary>
/// Parses the command line with System.CommandLine against the verbs' declarations and dispatches to the verb.
/// Help (<c>--help</c>), <c>--version</c>, shell completion (the <c>[suggest]</c> directive, see
/// <see cref="CompletionCommand"/>) and response files (<c>@file</c>) come from the declarations. Exit codes:
/// 0 success, 1 findings (errors, files that need formatting), 2 usage or input errors. A new verb is one class
/// in Commands/ and one line in <see cref="Commands"/>.
/// </summary>
public static class CommandLine
{
    public static IReadOnlyList<ICommand> Commands { get; } =
    [
        new CheckCommand(),
        new FormatCommand(),
        new RunCommand(),
        new RunsCommand(),
        new CollectCommand(),
        new CancelCommand(),
        new TaskCommand(),
        new ReportCommand(),
        new TestCommand(),
        new LspCommand(),
        new CompletionCommand(),
    ];

    /// <summary>The whole command line: every verb under the root, which adds <c>--help</c>, <c>--version</c> and the directives.</summary>
    public static RootCommand Root { get; } = CreateRoot();

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CommandContext(stdout, stderr, Directory.GetCurrentDirectory(), UseColor: false));

    public static int Run(string[] args, CommandContext context)
    {
        if (args is ["help", .. var topic])
        {
            // "mesaspec help run" reads as "mesaspec run --help".
            args = [.. topic, "--help"];
        }
        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        if (args.Length == 0)
        {
            Root.Parse(["--help"]).Invoke(invocation);
            return ExitCodes.UsageOrInput;
        }
        var responseFiles = new ResponseFiles(context.CurrentDirectory);
        var parsed = Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = responseFiles.TryReplace });
        if (responseFiles.Failure is { } failure)
        {
            return UsageError.Write(context, DiagnosticCatalog.ResponseFileUnreadable(failure.Path, failure.Reason));
        }
        if (parsed.Action is not (null or System.CommandLine.Invocation.ParseErrorAction))
        {
            var exit = parsed.Invoke(invocation);
            if (parsed.Action is HelpAction && parsed.CommandResult.Command is Verb { Details: var details })
            {
                context.Out.WriteLine(details.TrimEnd());
                context.Out.WriteLine();
            }
            return exit;
        }
        var verb = Commands.FirstOrDefault(c => c.Declaration == parsed.CommandResult.Command);
        var problems = ParseProblems.Of(parsed);
        if (problems.Count > 0 || verb is null)
        {
            foreach (var problem in problems)
            {
                UsageError.Write(context, problem);
            }
            context.Error.WriteLine(verb is null ? "(mesaspec --help lists the commands)" : $"(mesaspec {verb.Declaration.Name} --help shows its arguments and options)");
            return ExitCodes.UsageOrInput;
        }
        try
        {
            return verb.Run(parsed, context);
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("cancelled");
            return ExitCodes.UsageOrInput;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Disks fail between our checks and our reads; say so without a stack trace.
            context.Error.WriteLine($"error {DiagnosticCodes.FileUnreadable}: {exception.Message}");
            return ExitCodes.UsageOrInput;
        }
    }

    private static RootCommand CreateRoot()
    {
        var root = new RootCommand(
            "MesaSpec: experiments about learned optimization, written as .mesa specs. mesaspec <command> --help shows a "
            + "command's arguments and options; mesaspec completion bash|zsh|pwsh prints a shell completion script.\n\n"
            + "exit codes: 0 success, 1 findings (errors in a spec, a failed expectation, a file that needs formatting), "
            + "2 usage or input errors");
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            // The version of Directory.Build.props, also when the entry assembly is a test host.
            option.Action = new PrintVersion();
        }
        foreach (var command in Commands)
        {
            root.Subcommands.Add(command.Declaration);
        }
        return root;
    }

    private sealed class PrintVersion : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(MesaSpecVersion.Current);
            return ExitCodes.Success;
        }
    }
}
