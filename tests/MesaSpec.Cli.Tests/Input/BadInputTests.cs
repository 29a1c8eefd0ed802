using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Input;

/// <summary>
/// What is not a readable spec gets a clear error with its code and the right exit code, for both
/// verbs: never a stack trace, never a hang (every run is under a watchdog).
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string> Verbs() => new() { "check", "fmt" };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Binary_garbage(string verb)
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;
        _workspace.WriteBytes("garbage.mesa", bytes);
        var result = Expect(verb, "garbage.mesa", exitCode: 2, "error MS0005");
        Assert.Contains("looks binary", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Invalid_utf8(string verb)
    {
        _workspace.WriteBytes("latin1.mesa", [.. "environment Caf"u8.ToArray(), 0xE9, .. " {\n}\n"u8.ToArray()]);
        var result = Expect(verb, "latin1.mesa", exitCode: 2, "error MS0004");
        Assert.Contains("offset 15", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void A_10_MB_file(string verb)
    {
        var line = "// " + new string('x', 96) + "\n";
        _workspace.Write("huge.mesa", string.Concat(Enumerable.Repeat(line, 10 * 1024 * 1024 / line.Length + 1)));
        var result = Expect(verb, "huge.mesa", exitCode: 2, "error MS0006");
        Assert.Contains("10.0 MB", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Ten_thousand_nested_brackets(string verb)
    {
        _workspace.Write("deep.mesa", "environment E {\n  walls maze" + new string('(', 10_000) + new string(')', 10_000) + "\n}\n");
        Expect(verb, "deep.mesa", exitCode: 1, "deep.mesa:2:76: error MS1005");
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Four_megabytes_of_syntax_errors(string verb)
    {
        // Just under the size limit: one error per line would be 550,000 recoveries; the parser stops after 201.
        _workspace.Write("flood.mesa", "environment E {\n" + string.Concat(Enumerable.Repeat("  ?? x\n", 550_000)) + "}\n");
        var result = Expect(verb, "flood.mesa", exitCode: 1, "error MS1006");
        Assert.Contains("the rest of the file was not parsed", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void A_missing_file(string verb) => Expect(verb, "nowhere.mesa", exitCode: 2, "error MS0002: file or folder");

    [Theory]
    [MemberData(nameof(Verbs))]
    public void A_folder_without_specs(string verb)
    {
        _workspace.Write("empty/readme.txt", "no specs here");
        Expect(verb, "empty", exitCode: 2, "error MS0003: no .mesa files found");
    }

    [Fact]
    public void Good_files_are_still_checked_next_to_bad_ones()
    {
        _workspace.Write("good.mesa", "environment Good {\n  grid 5 x 5\n  item a spawn cell(8, 8)\n}\n");
        var result = Mesaspec.Run(_workspace.Root, "check", "good.mesa", "missing.mesa");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MS2012", result.Out, StringComparison.Ordinal);
        Assert.Contains("error MS0002", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_verb_is_a_usage_error()
    {
        var result = Mesaspec.Run(_workspace.Root, "chekc");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command 'chekc'", result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    private CliResult Expect(string verb, string path, int exitCode, string text)
    {
        var result = Mesaspec.Run(_workspace.Root, verb, path);
        Assert.True(exitCode == result.ExitCode, $"exit code {result.ExitCode}, expected {exitCode}:\n{result.All}");
        Assert.Contains(text, result.All, StringComparison.Ordinal);
        result.AssertNoStackTrace();
        Assert.True(result.All.Length < 100_000, "the report should be short:\n" + result.All[..Math.Min(2000, result.All.Length)]);
        return result;
    }
}
