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
}
