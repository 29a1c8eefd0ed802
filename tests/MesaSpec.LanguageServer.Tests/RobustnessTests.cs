using System.Text;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Tests;

public class RobustnessTests
{
    [Fact]
    public async Task Concurrent_requests_interleaved_with_changes_all_complete()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        var text = Specs.Cheese;
        await client.OpenAsync(Specs.Uri, text);
        var requests = new List<Task>();
        var position = Specs.At(text, "ppo");
        for (var i = 0; i < 60; i++)
        {
            var document = new TextDocumentIdentifier(Specs.Uri);
            requests.Add((i % 3) switch
            {
                0 => client.RequestAsync<Hover?>("textDocument/hover", new HoverParams(document, position)),
                1 => client.RequestAsync<CompletionList?>("textDocument/completion", new CompletionParams(document, position)),
                _ => client.RequestAsync<SignatureHelp?>("textDocument/signatureHelp", new SignatureHelpParams(document, position)),
            });
            if (i % 10 == 0)
            {
                var end = new Position(text.Count(c => c == '\n') + i / 10, 0);
                requests.Add(client.ChangeAsync(Specs.Uri, 2 + i / 10, new TextDocumentContentChangeEvent($"// {i}\n", new Protocol.Range(end, end))));
            }
        }
        await Task.WhenAll(requests).WaitAsync(LspTestClient.Timeout);
        var final = await client.DiagnosticsAsync(Specs.Uri, d => d.Version == 7);
        Assert.DoesNotContain(final.Diagnostics, d => d.Severity == LspDiagnosticSeverity.Error);
        Assert.EndsWith("// 50\n", client.Server.Workspace.Find(Specs.Uri)!.Text.Text, StringComparison.Ordinal);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task A_5_MB_document_does_not_block_other_documents()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        var big = new StringBuilder(Specs.Cheese);
        for (var i = 0; big.Length < 5_000_000; i++)
        {
            big.Append(System.Globalization.CultureInfo.InvariantCulture, $"\nobjective Extra{i} {{\n  reward +{i % 9 + 1} when agent reaches cheese\n  end when agent reaches cheese\n}}\n");
        }
        await client.OpenAsync("file:///workspace/big.mesa", big.ToString());
        await client.OpenAsync(Specs.Uri, Specs.Cheese);
        var hover = await client.RequestAsync<Hover?>("textDocument/hover", new HoverParams(new TextDocumentIdentifier(Specs.Uri), Specs.At(Specs.Cheese, "ppo")));
        Assert.NotNull(hover);
        await client.DiagnosticsAsync(Specs.Uri);
        Assert.InRange(client.Server.Workspace.Find("file:///workspace/big.mesa")!.Text.Length, 5_000_000, 5_000_200);
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = "file:///workspace/big.mesa" } });
        await client.ShutdownAndExitAsync();
    }
    [Theory]
    [InlineData("except", "MS1007")]
    [InlineData("extends", "MS2022")]
    [InlineData("arithmetic", "MS1020")]
    public async Task A_chain_of_10000_links_is_diagnosed_and_the_server_keeps_answering(string construct, string code)
    {
        // Issue 11, item 1: the server died of a stack overflow at 10,000 'except's.
        var text = new StringBuilder();
        if (construct == "arithmetic")
        {
            text.Append("environment A {\n  grid 5 x 5\n  horizon 1").Insert(text.Length, " + 1", 10_000).Append("\n}\n");
        }
        else if (construct == "except")
        {
            text.Append("environment A {\n  grid 5 x 5\n  agent spawn anywhere").Insert(text.Length, " except cell(0,0)", 10_000).Append("\n}\n");
        }
        else
        {
            text.Append("environment E0 {\n  grid 5 x 5\n}\n");
            for (var i = 1; i <= 10_000; i++)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"environment E{i} extends E{i - 1} {{\n  horizon 10\n}}\n");
            }
        }
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, text.ToString());
        var published = await client.DiagnosticsAsync(Specs.Uri);
        Assert.Contains(published.Diagnostics, d => d.Code == code);
        var document = new TextDocumentIdentifier(Specs.Uri);
        var end = new Position(3, 10);
        await client.RequestAsync<Hover?>("textDocument/hover", new HoverParams(document, end));
        await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(document));
        await client.RequestAsync<TextEdit[]?>("textDocument/formatting", new DocumentFormattingParams(document, new FormattingOptions(2, true)));
        await client.ShutdownAndExitAsync();
    }
}
