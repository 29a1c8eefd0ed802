using System.CommandLine;
using MesaSpec.Cli.Parsing;
using MesaSpec.LanguageServer.Server;

namespace MesaSpec.Cli.Commands;

/// <summary><c>mesaspec lsp</c>: the same language server as <c>mesaspec-lsp</c>, over stdio.</summary>
public sealed class LspCommand : ICommand
{
    private readonly Option<bool> _stdio = CliOptions.Flag("--stdio", "speak over stdin/stdout (the default and only transport; editors pass it)");

    public LspCommand()
    {
        Declaration = new Verb("lsp", "run the language server over stdio (for editors)", """
            Speaks the Language Server Protocol on stdin/stdout until the client sends 'exit'. Diagnostics,
            hover, completion, navigation, formatting and running experiments (through this same program)
            for any LSP client. Logs go to stderr. The standalone server is mesaspec-lsp (no TorchSharp).
            exit codes: 0 after shutdown/exit, 1 when the client exits without shutdown or disconnects
            """)
        {
            _stdio,
        };
    }

    public Command Declaration { get; }

    public int Run(ParseResult parsed, CommandContext context)
    {
        // When started by the CLI, 'mesaspec.run' can use this very program unless the client names another.
        var self = Environment.ProcessPath;
        var options = new ServerOptions { CliPath = self is not null && Path.GetFileNameWithoutExtension(self) == "mesaspec" ? self : null };
        return LanguageServerHost.RunOverStdioAsync(options).GetAwaiter().GetResult();
    }
}
