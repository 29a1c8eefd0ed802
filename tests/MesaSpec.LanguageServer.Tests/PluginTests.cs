using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Tests;

/// <summary>
/// A workspace's plugins in the editor: descriptors only, and only when the client vouches for the workspace.
/// The sample plugin is examples/plugins (its spec and manifest); the throwing one is a test fixture.
/// </summary>
public sealed class PluginTests
{
    private static readonly object Trusted = new Dictionary<string, object> { ["mesaspec.trustedWorkspace"] = true };

    private static string SampleSpec => Path.Combine(ArchitectureTests.RepositoryRoot(), "examples", "plugins", "spiral.mesa");

    private static string SampleText => File.ReadAllText(SampleSpec).Replace("\r", "", StringComparison.Ordinal);

    [Fact]
    public async Task In_a_trusted_workspace_completion_offers_the_plugins_walls_and_hover_shows_their_docs()
    {
        var uri = DocumentUri.FromPath(SampleSpec);
        var (text, cursor) = Specs.Cursor(SampleText.Replace("walls spiral(doorways: 1)", "walls $", StringComparison.Ordinal));
        await using var client = new LspTestClient();
        await client.InitializeAsync(initializationOptions: Trusted);
        await client.OpenAsync(uri, text);
        var completion = await client.RequestAsync<CompletionList>("textDocument/completion", new CompletionParams(new TextDocumentIdentifier(uri), cursor));
        await client.ChangeAsync(uri, 2, new TextDocumentContentChangeEvent(SampleText));
        var hover = await client.RequestAsync<Hover?>("textDocument/hover", new HoverParams(new TextDocumentIdentifier(uri), Specs.At(SampleText, "spiral(doorways")));
        var diagnostics = await client.DiagnosticsAsync(uri, d => d.Version == 2);
        await client.ShutdownAndExitAsync();

        Assert.Contains("spiral", completion.Items.Select(i => i.Label));
        Assert.Contains("maze", completion.Items.Select(i => i.Label));
        Assert.Contains("Concentric square walls", hover!.Contents.Value, StringComparison.Ordinal);
        Assert.Empty(diagnostics.Diagnostics);
        // Descriptors only: the plugin's descriptor type ran, nothing pulled the Runtime or TorchSharp in.
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name!.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase) || a.GetName().Name == "MesaSpec.Runtime");
    }

    [Fact]
    public async Task The_plugins_metric_is_offered_in_expect_lines_and_documented()
    {
        var uri = DocumentUri.FromPath(SampleSpec);
        var (text, cursor) = Specs.Cursor(SampleText.Replace("expect on SpiralAnywhere: above_random(EatCheese) > 0.5", "expect on SpiralAnywhere: $", StringComparison.Ordinal));
        await using var client = new LspTestClient();
        await client.InitializeAsync(initializationOptions: Trusted);
        await client.OpenAsync(uri, text);
        var completion = await client.RequestAsync<CompletionList>("textDocument/completion", new CompletionParams(new TextDocumentIdentifier(uri), cursor));
        await client.ChangeAsync(uri, 2, new TextDocumentContentChangeEvent(SampleText));
        var hover = await client.RequestAsync<Hover?>("textDocument/hover", new HoverParams(new TextDocumentIdentifier(uri), Specs.At(SampleText, "above_random(EatCheese)")));
        await client.ShutdownAndExitAsync();

        Assert.Contains("above_random", completion.Items.Select(i => i.Label));
        Assert.Contains("score", completion.Items.Select(i => i.Label));
        Assert.Contains("rises above a uniformly random policy", hover!.Contents.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_an_untrusted_workspace_no_plugin_loads()
    {
        var uri = DocumentUri.FromPath(SampleSpec);
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(uri, SampleText);
        var diagnostics = await client.DiagnosticsAsync(uri);
        await client.ShutdownAndExitAsync();

        Assert.Contains(diagnostics.Diagnostics, d => d.Code == "MS2005" && d.Message.Contains("'spiral'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plugin_that_throws_is_a_diagnostic_naming_it_and_the_server_keeps_serving()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mesaspec-lsp-plugins", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var plugin = Path.Combine(ArchitectureTests.RepositoryRoot(), "tests", "Fixtures", "MesaSpec.ThrowingPlugin", "MesaSpec.ThrowingPlugin.csproj");
            File.WriteAllText(Path.Combine(folder, "mesaspec.json"), $$"""{ "plugins": [{{System.Text.Json.JsonSerializer.Serialize(plugin)}}] }""");
            var spec = Path.Combine(folder, "main.mesa");
            File.WriteAllText(spec, Specs.Cheese);
            var uri = DocumentUri.FromPath(spec);
            await using var client = new LspTestClient();
            await client.InitializeAsync(initializationOptions: Trusted);
            await client.OpenAsync(uri, Specs.Cheese);
            var diagnostics = await client.DiagnosticsAsync(uri);
            var hover = await client.RequestAsync<Hover?>("textDocument/hover", new HoverParams(new TextDocumentIdentifier(uri), Specs.At(Specs.Cheese, "ppo(steps")));
            await client.ShutdownAndExitAsync();

            var failure = Assert.Single(diagnostics.Diagnostics, d => d.Code == "MS0203");
            Assert.Contains("plugin 'MesaSpec.ThrowingPlugin' failed to load", failure.Message, StringComparison.Ordinal);
            Assert.Contains("Proximal Policy Optimization", hover!.Contents.Value, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
