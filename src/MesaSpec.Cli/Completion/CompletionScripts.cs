namespace MesaSpec.Cli.Completion;

/// <summary>
/// The shell scripts that complete mesaspec's verbs, options and option values. Each asks mesaspec itself
/// through System.CommandLine's <c>[suggest:POSITION]</c> directive, with the line typed so far (without the
/// program's name), so completions always follow the declarations of the installed version.
/// </summary>
internal static class CompletionScripts
{
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh", "pwsh"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "pwsh" => PowerShell,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "not a shell of Shells"),
    };

    private const string Bash = """
        # mesaspec completion for bash: eval "$(mesaspec completion bash)" (e.g. in ~/.bashrc)
        _mesaspec_complete() {
          local line="${COMP_LINE:0:COMP_POINT}"
          line="${line#*[[:space:]]}"
          local IFS=$'\n'
          COMPREPLY=($(compgen -W "$(mesaspec "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _mesaspec_complete mesaspec
        """;

    private const string Zsh = """
        # mesaspec completion for zsh: eval "$(mesaspec completion zsh)" (e.g. in ~/.zshrc, after compinit)
        _mesaspec_complete() {
          local line="${BUFFER[1,CURSOR]}"
          line="${line#*[[:space:]]}"
          local -a suggestions
          suggestions=("${(@f)$(mesaspec "[suggest:${#line}]" "$line" 2>/dev/null)}")
          compadd -a suggestions
          _files
        }
        compdef _mesaspec_complete mesaspec
        """;

    private const string PowerShell = """
        # mesaspec completion for PowerShell: mesaspec completion pwsh | Out-String | Invoke-Expression (e.g. in $PROFILE)
        Register-ArgumentCompleter -Native -CommandName mesaspec -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $typed = $commandAst.ToString().Substring(0, [Math]::Min($commandAst.ToString().Length, $cursorPosition - $commandAst.Extent.StartOffset))
            $line = $typed -replace '^\S+\s*', ''
            mesaspec "[suggest:$($line.Length)]" "$line" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }
        """;
}
