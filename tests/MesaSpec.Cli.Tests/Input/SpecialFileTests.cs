using System.Diagnostics;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Input;

/// <summary>
/// Issue 11, items 5, 12 and 16: what is not a regular file is refused with a code (a FIFO used to hang check, fmt,
/// folder scans and imports); imports cannot leave the workspace through a symbolic link; an import that is there but
/// cannot be used says why, not "does not exist".
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public SpecialFileTests() => _workspace.Folder(".git");

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string> Verbs() => new() { "check", "fmt" };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void A_fifo_named_on_the_command_line_is_not_read(string verb)
    {
        MakeFifo("pipe.mesa");
        var result = Mesaspec.Run(_workspace.Root, verb, "pipe.mesa");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0008: ", result.All, StringComparison.Ordinal);
        Assert.Contains("is a FIFO (named pipe), not a regular file", result.All, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void A_fifo_in_a_scanned_folder_is_reported_and_the_other_files_are_still_read(string verb)
    {
        _workspace.Write("specs/good.mesa", Specs.Clean);
        MakeFifo("specs/pipe.mesa");
        var result = Mesaspec.Run(_workspace.Root, verb, "specs");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pipe.mesa: error MS0008", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("good.mesa: error", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_device_is_not_read()
    {
        var result = Mesaspec.Run(_workspace.Root, "check", "/dev/zero");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS0008: '/dev/zero' is a character device, not a regular file", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void An_imported_fifo_is_refused_with_its_own_code()
    {
        MakeFifo("pipe.mesa");
        var result = Check("import \"pipe.mesa\"\n" + Specs.Clean);
        Assert.Contains("error MS2023: imported file 'pipe.mesa' cannot be used: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("is a FIFO (named pipe), not a regular file", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_imported_folder_is_not_said_to_be_missing()
    {
        _workspace.Folder("lib.mesa");
        var result = Check("import \"lib.mesa\"\n" + Specs.Clean);
        Assert.Contains("error MS2023: imported file 'lib.mesa' cannot be used: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("is a folder, not a regular file", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_large_import_says_it_is_too_large()
    {
        using (var stream = File.Create(Path.Combine(_workspace.Root, "huge.mesa")))
        {
            stream.SetLength(1L << 30);
        }
        var result = Check("import \"huge.mesa\"\n" + Specs.Clean);
        Assert.Contains("error MS2023: imported file 'huge.mesa' cannot be used: the file is 1024.0 MB; specs larger than 4 MB are refused", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_import_says_it_cannot_be_read()
    {
        _workspace.Write("bin.mesa", "objective A {\n}\n\0");
        var result = Check("import \"bin.mesa\"\n" + Specs.Clean);
        Assert.Contains("error MS2023: imported file 'bin.mesa' cannot be used: the file looks binary", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_import_path_says_it_is_empty()
    {
        var result = Check("import \"\"\n" + Specs.Clean);
        Assert.Contains("error MS2024: the import path is empty", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("leaves the workspace", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_file_outside_the_workspace_is_refused_and_its_content_never_shown()
    {
        var outside = Directory.CreateTempSubdirectory("mesaspec-outside-");
        try
        {
            var secret = Path.Combine(outside.FullName, "secret.txt");
            File.WriteAllText(secret, "root:x:0:0:the-secret-line\n");
            File.CreateSymbolicLink(Path.Combine(_workspace.Root, "pw.mesa"), secret);
            var result = Check("import \"pw.mesa\"\n" + Specs.Clean);
            Assert.Contains("error MS2011: import 'pw.mesa' leaves the workspace", result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("the-secret-line", result.All, StringComparison.Ordinal);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_link_to_a_folder_outside_the_workspace_is_refused()
    {
        var outside = Directory.CreateTempSubdirectory("mesaspec-outside-");
        try
        {
            File.WriteAllText(Path.Combine(outside.FullName, "lib.mesa"), "objective Elsewhere {\n  reward +1 when agent reaches corner(top_right, 1)\n}\n");
            Directory.CreateSymbolicLink(Path.Combine(_workspace.Root, "shared"), outside.FullName);
            var result = Check("import \"shared/lib.mesa\"\n" + Specs.Clean);
            Assert.Contains("error MS2011: import 'shared/lib.mesa' leaves the workspace", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_link_inside_the_workspace_still_imports()
    {
        _workspace.Write("lib/real.mesa", "environment Lib {\n  grid 5 x 5\n}\n");
        File.CreateSymbolicLink(Path.Combine(_workspace.Root, "alias.mesa"), Path.Combine(_workspace.Root, "lib", "real.mesa"));
        var result = Check("import \"alias.mesa\"\n" + Specs.Clean);
        Assert.Contains("0 errors", result.Out, StringComparison.Ordinal);
    }

    private CliResult Check(string main)
    {
        _workspace.Write("main.mesa", main);
        var result = Mesaspec.Run(_workspace.Root, "check", "main.mesa");
        result.AssertNoStackTrace();
        return result;
    }

    private void MakeFifo(string relative)
    {
        var path = Path.Combine(_workspace.Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
