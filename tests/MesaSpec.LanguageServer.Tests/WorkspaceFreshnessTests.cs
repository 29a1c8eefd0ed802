using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Tests;

/// <summary>
/// An analysis is reused only while it read the current text of its open imports: an import can change after a
/// dependent was invalidated and before its new analysis compiled, and nobody would then notice the stale result
/// (the CI once waited 60 s for diagnostics that never came).
/// </summary>
public sealed class WorkspaceFreshnessTests
{
    [Fact]
    public void An_analysis_that_read_an_older_import_is_not_current_and_is_not_reused()
    {
        var folder = Directory.CreateTempSubdirectory("mesaspec-fresh-");
        try
        {
            var workspace = new ServerWorkspace();
            var common = Path.Combine(folder.FullName, "common.mesa");
            var main = Path.Combine(folder.FullName, "main.mesa");
            var commonUri = DocumentUri.FromPath(common);
            var mainUri = DocumentUri.FromPath(main);
            workspace.Open(commonUri, 1, "objective EatCheese {\n  reward +1 when agent reaches cheese\n}\n");
            workspace.Open(mainUri, 1, "import \"common.mesa\"\n");
            var first = workspace.Analysis(mainUri)!;
            _ = first.Compilation;
            Assert.Single(first.ImportedTexts);
            Assert.True(workspace.IsCurrent(first));

            // The import changes; whether or not the dependent was invalidated, the old analysis is stale.
            workspace.Open(commonUri, 2, "objective EatGouda {\n  reward +1 when agent reaches cheese\n}\n");
            Assert.False(workspace.IsCurrent(first));
            var second = workspace.Analysis(mainUri)!;
            _ = second.Compilation;
            Assert.NotSame(first, second);
            Assert.Contains("EatGouda", Assert.Single(second.ImportedTexts).Text, StringComparison.Ordinal);
            Assert.True(workspace.IsCurrent(second));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
