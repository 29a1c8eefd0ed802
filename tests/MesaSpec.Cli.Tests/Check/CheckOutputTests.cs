using System.Text.Json;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Check;

/// <summary><c>mesaspec check</c> prints diagnostics the way compilers do and exits 0 (no errors), 1 (errors) or 2 (bad input).</summary>
public sealed class CheckOutputTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void A_clean_spec_prints_only_the_summary_and_exits_0()
    {
        _workspace.Write("clean.mesa", Specs.Clean);
        var result = Mesaspec.Run(_workspace.Root, "check", "clean.mesa");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("checked 1 file: 0 errors, 0 warnings\n", result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void An_error_prints_code_severity_location_source_line_underline_fix_and_summary()
    {
        _workspace.Write("specs/typo.mesa", Specs.Clean.Replace("oracle(EatCheese)", "oracle(EatChese)", StringComparison.Ordinal));
        var result = Mesaspec.Run(_workspace.Root, "check", "specs");
        Assert.Equal(1, result.ExitCode);
        var expected = """
            specs/typo.mesa:25:17: error MS2001: unknown objective 'EatChese'; did you mean 'EatCheese'?
               |
            25 |   policy oracle(EatChese)
               |                 ^^^^^^^^
               = fix: Change to 'EatCheese'
            checked 1 file: 1 error, 0 warnings

            """;
        Assert.Equal(expected, result.Out);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Progress_lines_say_each_spec_and_each_experiment_s_analysis_on_stderr_and_leave_stdout_alone()
    {
        _workspace.Write("clean.mesa", Specs.Clean);
        var quiet = Mesaspec.Run(_workspace.Root, "check", "clean.mesa", "--progress", "none");
        var result = Mesaspec.Run(_workspace.Root, "check", "clean.mesa", "--progress", "lines");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(quiet.Out, result.Out);
        Assert.Empty(quiet.Error);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("checking clean.mesa", lines[0]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  experiment \w+: identifiability analysed in \d+\.\d s$"));
        Assert.Equal(2, Mesaspec.Run(_workspace.Root, "check", "clean.mesa", "--progress", "bars").ExitCode);
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        _workspace.Write("warn.mesa", Specs.Clean + "environment Spare {\n  grid 5 x 5\n}\n");
        var result = Mesaspec.Run(_workspace.Root, "check", "warn.mesa");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warn.mesa:28:13: warning MS2014: environment 'Spare' is never used", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("checked 1 file: 0 errors, 1 warning\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_underline_lines_up_under_tabs()
    {
        _workspace.Write("tabs.mesa", "environment E {\n\tgrid 5 x 5\n\titem a spawn\tcell(9, 0)\n}\n");
        var result = Mesaspec.Run(_workspace.Root, "check", "tabs.mesa");
        var lines = result.Out.Split('\n');
        var source = Array.FindIndex(lines, l => l.StartsWith("3 | ", StringComparison.Ordinal));
        Assert.True(source >= 0, result.Out);
        Assert.Equal(lines[source].IndexOf("cell", StringComparison.Ordinal), lines[source + 1].IndexOf('^', StringComparison.Ordinal));
        Assert.DoesNotContain('\t', lines[source]);
    }

    [Fact]
    public void Diagnostics_of_an_imported_file_name_that_file()
    {
        _workspace.Write("lib/worlds.mesa", "environment Lib {\n  grid 5 x 5\n  item a spawn cell(7, 0)\n}\n");
        _workspace.Write("main.mesa", "import \"lib/worlds.mesa\"\n" + Specs.Clean);
        var result = Mesaspec.Run(_workspace.Root, "check", "main.mesa");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"lib{Path.DirectorySeparatorChar}worlds.mesa:3:16: error MS2012", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_outside_the_workspace_is_refused()
    {
        _workspace.Write("outside.mesa", Specs.Clean);
        _workspace.Folder("repo/.git");
        _workspace.Write("repo/main.mesa", "import \"../outside.mesa\"\n");
        var result = Mesaspec.Run(_workspace.Root, "check", "repo/main.mesa");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error MS2011: import '../outside.mesa' leaves the workspace", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_has_every_field_tools_need()
    {
        _workspace.Write("typo.mesa", Specs.Clean.Replace("policy oracle(EatCheese)", "policy oracle(EatChese)", StringComparison.Ordinal));
        var result = Mesaspec.Run(_workspace.Root, "check", "typo.mesa", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("typo.mesa", root.GetProperty("files")[0].GetString());
        var diagnostic = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("MS2001", diagnostic.GetProperty("code").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("typo.mesa", diagnostic.GetProperty("path").GetString());
        Assert.Equal(25, diagnostic.GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(17, diagnostic.GetProperty("start").GetProperty("column").GetInt32());
        Assert.Equal(25, diagnostic.GetProperty("end").GetProperty("column").GetInt32());
        Assert.Equal(8, diagnostic.GetProperty("span").GetProperty("length").GetInt32());
        var edit = diagnostic.GetProperty("fix").GetProperty("edits")[0];
        Assert.Equal("EatCheese", edit.GetProperty("newText").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.Equal(0, root.GetProperty("summary").GetProperty("warnings").GetInt32());
    }

    [Fact]
    public void Json_output_reports_input_problems_too()
    {
        var result = Mesaspec.Run(_workspace.Root, "check", "absent.mesa", "--format=json");
        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("MS0002", json.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--frobnicate")]
    [InlineData("--format")]
    public void Bad_options_are_usage_errors(params string[] options)
    {
        _workspace.Write("clean.mesa", Specs.Clean);
        var result = Mesaspec.Run(_workspace.Root, ["check", "clean.mesa", .. options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0001", result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Without_paths_check_takes_the_current_folder()
    {
        _workspace.Write("a.mesa", Specs.Clean);
        _workspace.Write("nested/b.mesa", "environment B {\n  grid 5 x 5\n}\n");
        var result = Mesaspec.Run(_workspace.Root, "check");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("checked 2 files: 0 errors, 1 warning\n", result.Out, StringComparison.Ordinal);
    }
}
