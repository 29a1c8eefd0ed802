using System.CommandLine;

namespace MesaSpec.Cli.Commands;

/// <summary>One verb of <c>mesaspec</c>. Register new verbs in <see cref="CommandLine.Commands"/>.</summary>
public interface ICommand
{
    /// <summary>
    /// The verb with its description, arguments and options, declared once: parsing, <c>--help</c> and shell
    /// completion all read it.
    /// </summary>
    Command Declaration { get; }

    /// <summary>Runs with the parsed command line (already free of usage errors); returns an exit code from <see cref="ExitCodes"/>.</summary>
    int Run(ParseResult parsed, CommandContext context);
}
