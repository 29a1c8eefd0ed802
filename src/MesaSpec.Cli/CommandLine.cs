using MesaSpec.Cli.Commands;
using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Cli;

/// <summary>
/// Dispatches the verb to its command. Exit codes: 0 success, 1 findings (errors, files that need
/// formatting), 2 usage or input errors. A new verb is one class in Commands/ and one line in <see cref="Commands"/>.
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
    ];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CommandContext(stdout, stderr, Directory.GetCurrentDirectory(), UseColor: false));

    public static int Run(string[] args, CommandContext context)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            if (args.Length > 1 && Find(args[1]) is { } topic)
            {
                context.Out.WriteLine(topic.Usage);
                return ExitCodes.Success;
            }
            context.Out.WriteLine(Usage);
            return args.Length == 0 ? ExitCodes.UsageOrInput : ExitCodes.Success;
        }
        if (args[0] is "--version")
        {
            context.Out.WriteLine(MesaSpec.Language.Versioning.MesaSpecVersion.Current);
            return ExitCodes.Success;
        }
        if (Find(args[0]) is not { } command)
        {
            UsageError.Write(context, $"unknown command '{args[0]}'");
            context.Error.WriteLine(Usage);
            return ExitCodes.UsageOrInput;
        }
        var rest = args.Skip(1).ToArray();
        if (rest.Any(a => a is "-h" or "--help"))
        {
            context.Out.WriteLine(command.Usage);
            return ExitCodes.Success;
        }
        try
        {
            return command.Run(rest, context);
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

    private static ICommand? Find(string name) => Commands.FirstOrDefault(c => c.Name == name);

    public static string Usage =>
        "usage: mesaspec <command> [options]\n\ncommands:\n"
        + string.Join('\n', Commands.Select(c => $"  {c.Name,-8} {c.Summary}"))
        + "\n\nmesaspec <command> --help shows the command's options.";
}
