using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Format;

/// <summary><c>mesaspec fmt</c> rewrites specs in place; <c>--check</c> only reports (exit 1 if anything would change).</summary>
public sealed class FormatCommandTests : IDisposable
{
    private const string Messy = "environment   E {\n    grid 5 x 5 ; horizon 9   // keep me\n}\n";
    private const string Tidy = "environment E {\n  grid 5 x 5\n  horizon 9  // keep me\n}\n";

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Fmt_rewrites_in_place()
    {
        _workspace.Write("e.mesa", Messy);
        var result = Mesaspec.Run(_workspace.Root, "fmt", "e.mesa");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Tidy, _workspace.Read("e.mesa"));
        Assert.Equal("formatted e.mesa\n1 reformatted, 0 already formatted\n", result.Out);
    }

    [Fact]
    public void Fmt_keeps_the_byte_order_mark_and_crlf_line_ends()
    {
        // Issue 11, item 20: fmt dropped the BOM and turned CRLF into LF (whole-file diffs on Windows checkouts).
        var path = _workspace.WriteBytes("e.mesa", [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(Messy.Replace("\n", "\r\n", StringComparison.Ordinal))]);
        var result = Mesaspec.Run(_workspace.Root, "fmt", "e.mesa");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(Tidy.Replace("\n", "\r\n", StringComparison.Ordinal))], File.ReadAllBytes(path));
        Assert.Equal(0, Mesaspec.Run(_workspace.Root, "fmt", "--check", "e.mesa").ExitCode);
    }

    [Fact]
    public void Fmt_does_not_overwrite_an_edit_made_after_the_file_was_read()
    {
        // Issue 11, item 6: a line appended while fmt ran was lost.
        var path = _workspace.Write("e.mesa", Messy + "// added later\n");
        Assert.NotNull(MesaSpec.Cli.Input.FormattedFileWriter.Replace(path, Messy, Tidy));
        Assert.Equal(Messy + "// added later\n", _workspace.Read("e.mesa"));
        Assert.Single(Directory.GetFiles(_workspace.Root));
        Assert.Null(MesaSpec.Cli.Input.FormattedFileWriter.Replace(path, Messy + "// added later\n", Tidy));
        Assert.Equal(Tidy, _workspace.Read("e.mesa"));
    }

    [Fact]
    public void Fmt_check_reports_without_changing_and_exits_1()
    {
        _workspace.Write("e.mesa", Messy);
        _workspace.Write("ok.mesa", Tidy);
        var result = Mesaspec.Run(_workspace.Root, "fmt", "--check", ".");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Messy, _workspace.Read("e.mesa"));
        Assert.Equal("would reformat e.mesa\n1 would reformat, 1 already formatted\n", result.Out);
    }

    [Fact]
    public void Fmt_check_on_formatted_files_exits_0()
    {
        _workspace.Write("ok.mesa", Tidy);
        var result = Mesaspec.Run(_workspace.Root, "fmt", "--check", "ok.mesa");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0 would reformat, 1 already formatted\n", result.Out);
    }

    [Fact]
    public void A_file_with_syntax_errors_is_left_alone_and_its_errors_reported()
    {
        const string Broken = "environment   E {\n    grdi 5 x 5\n}\n";
        _workspace.Write("broken.mesa", Broken);
        var result = Mesaspec.Run(_workspace.Root, "fmt", "broken.mesa");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Broken, _workspace.Read("broken.mesa"));
        Assert.Contains("broken.mesa:2:5: error MS1001: 'grdi' is not an environment member; did you mean 'grid'?", result.Out, StringComparison.Ordinal);
        Assert.Contains("0 reformatted, 0 already formatted, 1 not formatted (syntax errors)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Formatting_is_idempotent_through_the_command()
    {
        _workspace.Write("e.mesa", Messy);
        Mesaspec.Run(_workspace.Root, "fmt", "e.mesa");
        var second = Mesaspec.Run(_workspace.Root, "fmt", "--check", "e.mesa");
        Assert.Equal(0, second.ExitCode);
    }

    [Fact]
    public void Fmt_leaves_a_read_only_file_alone_and_names_it()
    {
        // Issue 11, item 16: fmt on a read-only file said MS0007 "unreadable" without the path.
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var path = _workspace.Write("locked.mesa", Messy);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var result = Mesaspec.Run(_workspace.Root, "fmt", "locked.mesa");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("locked.mesa: error MS0009: 'locked.mesa' was not written: the file is read-only", result.All, StringComparison.Ordinal);
        Assert.Equal(Messy, _workspace.Read("locked.mesa"));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void A_newline_in_a_file_name_is_escaped_in_path_line_col()
    {
        // Issue 11, item 16: a file name with a newline broke `path:line:col` for every tool reading it.
        _workspace.Write("two\nlines.mesa", "environment E {\n  grid 5 x 5\n  item a spawn cell(8, 8)\n}\n");
        var result = Mesaspec.Run(_workspace.Root, "check", "two\nlines.mesa");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("two\\nlines.mesa:3:16: error MS2012", result.Out, StringComparison.Ordinal);
        Assert.All(result.Out.Split('\n').Where(l => l.Contains("error MS", StringComparison.Ordinal)), l => Assert.StartsWith("two\\nlines.mesa:", l, StringComparison.Ordinal));
    }
}
