using System.CommandLine;
using MesaSpec.Cli.Completion;
using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Cli.Commands;

/// <summary><c>mesaspec completion bash|zsh|pwsh</c>: prints the shell script that completes mesaspec's command line.</summary>
public sealed class CompletionCommand : ICommand
{
    private readonly Argument<string> _shell = new("shell")
    {
        Description = "the shell to complete in: bash, zsh or pwsh",
        HelpName = string.Join('|', CompletionScripts.Shells),
    };

    public CompletionCommand()
    {
        _shell.CompletionSources.Add([.. CompletionScripts.Shells]);
        Declaration = new Verb("completion", "print a shell completion script (verbs, options and their values)", """
            bash: eval "$(mesaspec completion bash)"; zsh: eval "$(mesaspec completion zsh)" after compinit;
            PowerShell: mesaspec completion pwsh | Out-String | Invoke-Expression. Put the line in ~/.bashrc,
            ~/.zshrc or $PROFILE to keep it. The script asks mesaspec itself (the [suggest] directive of
            System.CommandLine), so completions follow the installed version.

            exit codes: 0 printed, 2 unknown shell
            """)
        {
            _shell,
        };
    }

    public Command Declaration { get; }

    public int Run(ParseResult parsed, CommandContext context)
    {
        var shell = parsed.GetValue(_shell)!;
        if (!CompletionScripts.Shells.Contains(shell))
        {
            return UsageError.Write(context, DiagnosticCatalog.UnknownShell(shell, CompletionScripts.Shells));
        }
        context.Out.WriteLine(CompletionScripts.For(shell));
        return ExitCodes.Success;
    }
}
