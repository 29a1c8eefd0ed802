using System.CommandLine;

namespace MesaSpec.Cli.Commands;

/// <summary>
/// A verb's declaration: the one-line summary that <c>mesaspec --help</c> lists, and the details (what it does,
/// its exit codes) that its own <c>--help</c> prints after the generated usage, arguments and options.
/// </summary>
public sealed class Verb(string name, string summary, string details) : Command(name, summary)
{
    public string Details { get; } = details;
}
