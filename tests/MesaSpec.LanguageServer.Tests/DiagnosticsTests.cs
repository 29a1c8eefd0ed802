using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Server;

namespace MesaSpec.LanguageServer.Tests;

public class DiagnosticsTests
{
    [Fact]
    public async Task Opening_a_clean_example_publishes_no_errors()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, Specs.Cheese);
        var published = await client.DiagnosticsAsync(Specs.Uri);
        Assert.Equal(1, published.Version);
        Assert.DoesNotContain(published.Diagnostics, d => d.Severity == LspDiagnosticSeverity.Error);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Incremental_changes_are_applied_and_diagnostics_follow_them()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        var text = Specs.Cheese;
        await client.OpenAsync(Specs.Uri, text);
        await client.DiagnosticsAsync(Specs.Uri);

        // Misspell the training environment: train on Maze -> train on Maza.
        var at = Specs.At(text, "train on Maze", into: "train on Maz".Length);
        await client.ChangeAsync(Specs.Uri, 2, new TextDocumentContentChangeEvent("a", new Protocol.Range(at, at with { Character = at.Character + 1 })));
        var broken = await client.DiagnosticsAsync(Specs.Uri, d => d.Version == 2);
        var unknown = Assert.Single(broken.Diagnostics, d => d.Code == "MS2001");
        Assert.Equal(at.Line, unknown.Range.Start.Line);
        Assert.Contains("Maze", unknown.Message, StringComparison.Ordinal);

        await client.ChangeAsync(Specs.Uri, 3, new TextDocumentContentChangeEvent("e", new Protocol.Range(at, at with { Character = at.Character + 1 })));
        var fixedAgain = await client.DiagnosticsAsync(Specs.Uri, d => d.Version == 3);
        Assert.DoesNotContain(fixedAgain.Diagnostics, d => d.Severity == LspDiagnosticSeverity.Error);
        Assert.Equal(text, client.Server.Workspace.Find(Specs.Uri)!.Text.Text);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Syntax_errors_are_published_with_their_code()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, "environment E {\n  grid 5 x\n}\n");
        var published = await client.DiagnosticsAsync(Specs.Uri);
        Assert.Contains(published.Diagnostics, d => d.Code.StartsWith("MS1", StringComparison.Ordinal) && d.Range.Start.Line == 1);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task A_burst_of_1000_changes_analyses_only_the_latest_text()
    {
        // The 1,000 changes must all arrive within one debounce window, also on a loaded machine.
        await using var client = new LspTestClient(new ServerOptions { DiagnosticsDebounce = TimeSpan.FromSeconds(5), IdentifiabilityLevels = 0 });
        await client.InitializeAsync();
        var text = Specs.Cheese;
        await client.OpenAsync(Specs.Uri, text);
        var end = Specs.At(text + "\n", "\n", occurrence: text.Count(c => c == '\n'), into: 0);
        for (var version = 2; version <= 1001; version++)
        {
            var insert = new Protocol.Position(end.Line + version - 2, 0);
            await client.ChangeAsync(Specs.Uri, version, new TextDocumentContentChangeEvent($"// edit {version}\n", new Protocol.Range(insert, insert)));
        }
        var published = await client.DiagnosticsAsync(Specs.Uri, d => d.Version == 1001);
        Assert.All(client.AllDiagnostics, d => Assert.Equal(1001, d.Version));
        Assert.Equal(1, client.Server.Workspace.Compilations);
        Assert.EndsWith("// edit 1001\n", client.Server.Workspace.Find(Specs.Uri)!.Text.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(published.Diagnostics, d => d.Severity == LspDiagnosticSeverity.Error);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Imports_resolve_in_the_workspace_and_open_imports_reanalyse_their_importers()
    {
        var folder = Directory.CreateTempSubdirectory("mesaspec-lsp-");
        try
        {
            var common = Path.Combine(folder.FullName, "common.mesa");
            await File.WriteAllTextAsync(common, "objective EatCheese {\n  reward +10 when agent reaches cheese\n  end when agent reaches cheese\n}\n");
            var main = Path.Combine(folder.FullName, "main.mesa");
            var mainUri = new Uri(main).AbsoluteUri;
            var commonUri = new Uri(common).AbsoluteUri;
            var spec = Specs.Cheese;
            var withoutObjective = "import \"common.mesa\"\n" + spec.Replace(spec[spec.IndexOf("objective EatCheese", StringComparison.Ordinal)..spec.IndexOf("// The hypothesised", StringComparison.Ordinal)], "", StringComparison.Ordinal);

            await using var client = new LspTestClient();
            await client.InitializeAsync(rootUri: new Uri(folder.FullName).AbsoluteUri);
            await client.OpenAsync(mainUri, withoutObjective);
            var clean = await client.DiagnosticsAsync(mainUri);
            Assert.DoesNotContain(clean.Diagnostics, d => d.Severity == LspDiagnosticSeverity.Error);

            // The imported file, opened and edited (unsaved), renames the objective: the importer now has an unknown name.
            await client.OpenAsync(commonUri, await File.ReadAllTextAsync(common));
            await client.ChangeAsync(commonUri, 2, new TextDocumentContentChangeEvent("objective EatGouda {\n  reward +10 when agent reaches cheese\n}\n"));
            var broken = await client.DiagnosticsAsync(mainUri, d => d.Diagnostics.Any(x => x.Code == "MS2001"));
            Assert.Contains(broken.Diagnostics, d => d.Message.Contains("EatCheese", StringComparison.Ordinal));

            // An error inside the imported file is summarised on the import line.
            await client.ChangeAsync(commonUri, 3, new TextDocumentContentChangeEvent("objective EatCheese {\n  reward +10 when agent reaches cheese\n  end when agent reaches\n}\n"));
            var imported = await client.DiagnosticsAsync(mainUri, d => d.Diagnostics.Any(x => x.Code == "imported-errors"));
            var summary = Assert.Single(imported.Diagnostics, d => d.Code == "imported-errors");
            Assert.Equal(0, summary.Range.Start.Line);
            Assert.StartsWith("common.mesa has 1 error; first: MS1", summary.Message, StringComparison.Ordinal);

            // An import that leaves the workspace is refused.
            await client.ChangeAsync(mainUri, 2, new TextDocumentContentChangeEvent("import \"../../etc/passwd\"\n"));
            var outside = await client.DiagnosticsAsync(mainUri, d => d.Version == 2);
            Assert.Single(outside.Diagnostics, d => d.Severity == LspDiagnosticSeverity.Error);
            await client.ShutdownAndExitAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Adding_a_workspace_folder_lets_imports_reach_it()
    {
        var folder = Directory.CreateTempSubdirectory("mesaspec-lsp-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "shared"));
            Directory.CreateDirectory(Path.Combine(folder.FullName, "specs"));
            var shared = Path.Combine(folder.FullName, "shared", "common.mesa");
            await File.WriteAllTextAsync(shared, "objective Eat {\n  reward +1 when agent reaches corner(top_right, 1)\n}\n");
            var mainUri = new Uri(Path.Combine(folder.FullName, "specs", "main.mesa")).AbsoluteUri;
            await using var client = new LspTestClient();
            await client.InitializeAsync(rootUri: new Uri(Path.Combine(folder.FullName, "specs")).AbsoluteUri);
            await client.OpenAsync(mainUri, "import \"../shared/common.mesa\"\n");
            var outside = await client.DiagnosticsAsync(mainUri);
            Assert.Contains(outside.Diagnostics, d => d.Code == "MS2011");

            var added = new WorkspaceFolder(new Uri(Path.Combine(folder.FullName, "shared")).AbsoluteUri, "shared");
            await client.NotifyAsync("workspace/didChangeWorkspaceFolders", new DidChangeWorkspaceFoldersParams(new WorkspaceFoldersChangeEvent([added], [])));
            var inside = await client.DiagnosticsAsync(mainUri, d => !d.Diagnostics.Any(x => x.Code == "MS2011"));
            Assert.DoesNotContain(inside.Diagnostics, d => d.Severity == LspDiagnosticSeverity.Error);
            await client.ShutdownAndExitAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_identifiability_analysis_arrives_as_a_later_stage()
    {
        await using var client = new LspTestClient(new ServerOptions { DiagnosticsDebounce = TimeSpan.Zero, IdentifiabilityLevels = 16 });
        await client.InitializeAsync();
        var spec = Specs.Cheese.Replace("evaluate on Maze, MazeAnywhere episodes 200", "evaluate on Maze episodes 200", StringComparison.Ordinal)
            .Replace("  expect on MazeAnywhere: pseudo_aligned(GoToCorner)\n  expect on MazeAnywhere: score(GoToCorner) > 0.5\n", "", StringComparison.Ordinal);
        await client.OpenAsync(Specs.Uri, spec);
        var late = await client.DiagnosticsAsync(Specs.Uri, d => d.Diagnostics.Any(x => x.Code == "MS3001"));
        var first = client.AllDiagnostics.First(d => d.Uri == Specs.Uri);
        Assert.DoesNotContain(first.Diagnostics, d => d.Code == "MS3001");
        Assert.Contains("GoToCorner", late.Diagnostics.First(d => d.Code == "MS3001").Message, StringComparison.Ordinal);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Closing_a_document_clears_its_diagnostics()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, "environment {\n");
        await client.DiagnosticsAsync(Specs.Uri, d => d.Diagnostics.Length > 0);
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = Specs.Uri } });
        await client.DiagnosticsAsync(Specs.Uri, d => d.Diagnostics.Length == 0);
        await client.ShutdownAndExitAsync();
    }
}
