using System.Text.RegularExpressions;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Check;

/// <summary>
/// The examples of docs/diagnostics.md for the codes the gridworld's analyzer produces (MS3001, MS3013,
/// MS3014, MS3015, and the curriculum's MS3070) trigger them through <c>mesaspec check</c>. (The Language codes' examples are run by
/// MesaSpec.Language.Tests.)
/// </summary>
public sealed partial class AnalyzerDiagnosticsDocumentationTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("MS3001", "warning")]
    [InlineData("MS3013", "error")]
    [InlineData("MS3014", "warning")]
    [InlineData("MS3015", "warning")]
    [InlineData("MS3070", "error")]
    public void Documented_example_triggers_the_code(string code, string severity)
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "diagnostics.md"));
        var section = Regex.Match(docs, $@"^## {code} .*?(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline).Value;
        var example = MesaBlock().Match(section).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(example), $"no mesa example for {code}");
        _workspace.Write("example.mesa", example);
        var result = Mesaspec.Run(_workspace.Root, "check", "example.mesa");
        Assert.Contains($"{severity} {code}:", result.Out, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [GeneratedRegex(@"^```mesa\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MesaBlock();
}
