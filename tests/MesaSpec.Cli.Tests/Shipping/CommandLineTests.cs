using System.Text.RegularExpressions;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Shipping;

/// <summary>The command line on System.CommandLine: generated help, completion, response files, repeated options, early checks.</summary>
public sealed partial class CommandLineTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Help_lists_every_verb_with_its_summary()
    {
        var result = Mesaspec.Run(_workspace.Root, "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var verb in CommandLine.Commands)
        {
            Assert.Contains($"  {verb.Declaration.Name} ", result.Out, StringComparison.Ordinal);
            Assert.Contains(verb.Declaration.Description!, result.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("run", "--seeds <N>", "exit codes: 0 every expectation holds")]
    [InlineData("check", "--format <text|json>", "exit codes: 0 no errors")]
    [InlineData("test", "--accept", "exit codes: 0 every snapshot matches")]
    public void A_verbs_help_has_its_generated_options_and_its_details(string verb, string option, string details)
    {
        foreach (var args in new[] { new[] { verb, "--help" }, ["help", verb] })
        {
            var result = Mesaspec.Run(_workspace.Root, args);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains(option, result.Out, StringComparison.Ordinal);
            Assert.Contains(details, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_a_command_it_prints_the_help_and_exits_with_2()
    {
        var result = Mesaspec.Run(_workspace.Root);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Commands:", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seeds", "2", "3")]
    [InlineData("--threads", "1", "2")]
    [InlineData("--out", "a", "b")]
    public void A_single_value_option_given_twice_is_MS0020(string option, string first, string second)
    {
        var spec = _workspace.Write("clean.mesa", Specs.Clean);
        var result = Mesaspec.Run(_workspace.Root, "run", spec, option, first, option, second);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error MS0020: option '{option}' is given more than once; it takes one value", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_workspace.Root, "runs")), "nothing ran");
    }

    [Fact]
    public void Repeatable_options_keep_every_value()
    {
        var spec = _workspace.Write("clean.mesa", Specs.Clean);
        // Both values are accepted; without --on slurm the scheduler option is refused for that reason alone.
        var result = Mesaspec.Run(_workspace.Root, "run", spec, "--sbatch-arg", "--qos=low", "--sbatch-arg", "--mem=1G");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0001: --sbatch-arg is a scheduler option: it needs --on slurm", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_device_is_MS0021_before_the_spec_is_read()
    {
        var result = Mesaspec.Run(_workspace.Root, "run", "absent.mesa", "--device", "tpu");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0021: unknown device 'tpu' (expected cpu or cuda)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("MS0002", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_file_supplies_arguments_relative_to_the_current_folder()
    {
        _workspace.Write("clean.mesa", Specs.Clean);
        _workspace.Write("quick.rsp", "# a quick look\nclean.mesa --seeds 1\n--progress lines --out out\n");
        var result = Mesaspec.Run(_workspace.Root, "run", "@quick.rsp", "--jobs", "1");
        Assert.True(result.ExitCode == 0, result.All);
        Assert.True(File.Exists(Path.Combine(_workspace.Root, "out", "report.json")));
        Assert.Contains("seeds 0", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_in_a_response_file_and_on_the_command_line_is_given_twice()
    {
        _workspace.Write("clean.mesa", Specs.Clean);
        _workspace.Write("quick.rsp", "--seeds 1\n");
        var result = Mesaspec.Run(_workspace.Root, "run", "clean.mesa", "@quick.rsp", "--seeds", "2");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0020", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_argument_after_double_dash_is_a_path_even_when_it_looks_like_an_option()
    {
        _workspace.Write("--odd.mesa", Specs.Clean);
        var result = Mesaspec.Run(_workspace.Root, "check", "--", "--odd.mesa");
        Assert.True(result.ExitCode == 0, result.All);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _mesaspec_complete mesaspec")]
    [InlineData("zsh", "compdef _mesaspec_complete mesaspec")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName mesaspec")]
    public void Completion_prints_a_script_that_asks_the_suggest_directive(string shell, string registration)
    {
        var result = Mesaspec.Run(_workspace.Root, "completion", shell);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(registration, result.Out, StringComparison.Ordinal);
        Assert.Contains("[suggest:", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", "run")]
    [InlineData("run --se", "--seeds")]
    [InlineData("run x.mesa --progress ", "jsonl")]
    [InlineData("run x.mesa --device ", "cuda")]
    [InlineData("check --format ", "json")]
    [InlineData("completion ", "pwsh")]
    public void The_suggest_directive_completes_verbs_options_and_values(string line, string expected)
    {
        var result = Mesaspec.Run(_workspace.Root, $"[suggest:{line.Length}]", line);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Out.Split('\n').Select(s => s.Trim()));
    }

    [Fact]
    public void The_bash_script_completes_through_the_program()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/bin/bash"))
        {
            return;
        }
        // A stand-in 'mesaspec' on PATH that answers the directive the way the real one does (the installed tool
        // runs this same script in ToolInstallTests).
        var bin = _workspace.Folder("bin");
        var suggestions = Mesaspec.Run(_workspace.Root, "[suggest:11]", "run x --pro").Out;
        File.WriteAllText(Path.Combine(bin, "mesaspec"), $"#!/bin/sh\n[ \"$1\" = \"[suggest:11]\" ] && [ \"$2\" = \"run x --pro\" ] && printf '%s' '{suggestions}'\n");
        File.SetUnixFileMode(Path.Combine(bin, "mesaspec"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var script = Mesaspec.Run(_workspace.Root, "completion", "bash").Out;
        var output = Shell.Run("/bin/bash", $"""
            export PATH="{bin}:$PATH"
            {script}
            COMP_LINE='mesaspec run x --pro'; COMP_POINT=${"{#COMP_LINE}"}; COMP_WORDS=(mesaspec run x --pro); COMP_CWORD=3
            _mesaspec_complete
            printf '%s\n' "${"{COMPREPLY[@]}"}"
            """);
        Assert.Equal("--progress", output.Trim());
    }

    [Fact]
    public void Completion_for_an_unknown_shell_is_MS0023()
    {
        var result = Mesaspec.Run(_workspace.Root, "completion", "fish");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0023: unknown shell 'fish' (expected bash, zsh or pwsh)", result.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string> CommandLineCodes() => ["MS0020", "MS0021", "MS0022", "MS0023"];

    /// <summary>docs/diagnostics.md's example of each command-line code prints exactly the documented line.</summary>
    [Theory]
    [MemberData(nameof(CommandLineCodes))]
    public void The_documented_example_prints_the_documented_error(string code)
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "diagnostics.md"));
        var section = Regex.Match(docs, $@"^## {code} .*?(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline).Value;
        var example = TextBlock().Match(section).Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("$ mesaspec ", example[0], StringComparison.Ordinal);
        _workspace.Write("spec.mesa", Specs.Clean);
        var result = Mesaspec.Run(_workspace.Root, example[0]["$ mesaspec ".Length..].Split(' '));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(example[1], result.Error.Split('\n'));
    }

    [GeneratedRegex(@"^```text\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TextBlock();
}
