namespace MesaSpec.Cli.Commands;

/// <summary>One verb of <c>mesaspec</c>. Register new verbs in <see cref="CommandLine.Commands"/>.</summary>
public interface ICommand
{
    /// <summary>The verb as typed: <c>check</c>, <c>fmt</c>, ...</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The full help text, shown for <c>mesaspec &lt;verb&gt; --help</c>.</summary>
    string Usage { get; }

    /// <summary>Runs with the arguments after the verb; returns an exit code from <see cref="ExitCodes"/>.</summary>
    int Run(IReadOnlyList<string> args, CommandContext context);
}
