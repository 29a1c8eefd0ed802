using MesaSpec.LanguageServer.Server;

namespace MesaSpec.Cli.Commands;

/// <summary><c>mesaspec lsp</c>: the same language server as <c>mesaspec-lsp</c>, over stdio.</summary>
public sealed class LspCommand : ICommand
{
    public string Name => "lsp";

    public string Summary => "run the language server over stdio (for editors)";

    public string Usage => """
        usage: mesaspec lsp

        Speaks the Language Server Protocol on stdin/stdout until the client sends 'exit'. Diagnostics,
        hover, completion, navigation, formatting and running experiments (through this same program)
        for any LSP client. Logs go to stderr. The standalone server is mesaspec-lsp (no TorchSharp).
        exit codes: 0 after shutdown/exit, 1 when the client exits without shutdown or disconnects
        """;

    public int Run(IReadOnlyList<string> args, CommandContext context)
    {
        if (args.Count > 0 && args.Any(a => a != "--stdio"))
        {
            return UsageError.Write(context, $"lsp takes no arguments (got '{string.Join(' ', args)}')", Usage);
        }
        // When started by the CLI, 'mesaspec.run' can use this very program unless the client names another.
        var self = Environment.ProcessPath;
        var options = new ServerOptions { CliPath = self is not null && Path.GetFileNameWithoutExtension(self) == "mesaspec" ? self : null };
        return LanguageServerHost.RunOverStdioAsync(options).GetAwaiter().GetResult();
    }
}
