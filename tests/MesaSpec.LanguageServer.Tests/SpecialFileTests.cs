using System.Diagnostics;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Tests;

/// <summary>
/// Issue 11, items 5 and 12: a FIFO in the workspace used to hang <c>workspace/symbol</c> (and imports); a symbolic
/// link used to let an import leave the workspace.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mesaspec-lsp-special-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Workspace_symbols_skip_a_fifo_and_still_find_the_other_files()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "good.mesa"), "environment FindMe {\n  grid 5 x 5\n}\n");
        MakeFifo(Path.Combine(_folder.FullName, "pipe.mesa"));
        await using var client = new LspTestClient();
        await client.InitializeAsync(rootUri: new Uri(_folder.FullName).AbsoluteUri);
        var symbols = await client.RequestAsync<SymbolInformation[]>("workspace/symbol", new WorkspaceSymbolParams("FindMe"));
        Assert.Contains(symbols, s => s.Name == "FindMe");
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task An_imported_fifo_is_diagnosed_and_a_link_out_of_the_workspace_is_refused()
    {
        MakeFifo(Path.Combine(_folder.FullName, "pipe.mesa"));
        var outside = Directory.CreateTempSubdirectory("mesaspec-lsp-outside-");
        try
        {
            File.WriteAllText(Path.Combine(outside.FullName, "secret.mesa"), "the-secret-line\n");
            File.CreateSymbolicLink(Path.Combine(_folder.FullName, "pw.mesa"), Path.Combine(outside.FullName, "secret.mesa"));
            var mainUri = new Uri(Path.Combine(_folder.FullName, "main.mesa")).AbsoluteUri;
            await using var client = new LspTestClient();
            await client.InitializeAsync(rootUri: new Uri(_folder.FullName).AbsoluteUri);
            await client.OpenAsync(mainUri, "import \"pipe.mesa\"\nimport \"pw.mesa\"\n");
            var published = await client.DiagnosticsAsync(mainUri, d => d.Diagnostics.Any(x => x.Code == "MS2011"));
            Assert.Contains(published.Diagnostics, d => d.Code == "MS2023" && d.Message.Contains("FIFO", StringComparison.Ordinal));
            Assert.Contains(published.Diagnostics, d => d.Code == "MS2011" && d.Message.Contains("'pw.mesa' leaves the workspace", StringComparison.Ordinal));
            Assert.DoesNotContain(client.AllDiagnostics.SelectMany(p => p.Diagnostics), d => d.Message.Contains("the-secret-line", StringComparison.Ordinal));
            await client.ShutdownAndExitAsync();
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
