using MesaSpec.LanguageServer.Protocol;
using StreamJsonRpc;

namespace MesaSpec.LanguageServer.Tests;

public class NavigationTests
{
    private static TextDocumentIdentifier Doc(string uri = Specs.Uri) => new(uri);

    [Fact]
    public async Task Definition_jumps_to_declarations_parameters_and_item_kinds()
    {
        var text = Specs.Cheese;
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, text);
        var environment = await client.RequestAsync<Location[]>("textDocument/definition", new DefinitionParams(Doc(), Specs.At(text, "train on Maze", into: 10)));
        Assert.Equal(Specs.At(text, "Maze(corner", into: 0), Assert.Single(environment).Range.Start);
        var parameter = await client.RequestAsync<Location[]>("textDocument/definition", new DefinitionParams(Doc(), Specs.At(text, "corner)")));
        Assert.Equal(Specs.At(text, "corner: int", into: 0), Assert.Single(parameter).Range.Start);
        var item = await client.RequestAsync<Location[]>("textDocument/definition", new DefinitionParams(Doc(), Specs.At(text, "reaches cheese", into: 9)));
        Assert.Equal(2, item.Length);
        Assert.Null(await client.RequestAsync<Location[]?>("textDocument/definition", new DefinitionParams(Doc(), Specs.At(text, "horizon 64"))));
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task References_find_every_use_with_or_without_the_declaration()
    {
        var text = Specs.Cheese;
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, text);
        var all = await client.RequestAsync<Location[]>("textDocument/references", new ReferenceParams(Doc(), Specs.At(text, "GoToCorner"), new ReferenceContext(true)));
        Assert.Equal(4, all.Length);
        var uses = await client.RequestAsync<Location[]>("textDocument/references", new ReferenceParams(Doc(), Specs.At(text, "GoToCorner"), new ReferenceContext(false)));
        Assert.Equal(3, uses.Length);
        Assert.DoesNotContain(uses, u => u.Range.Start == Specs.At(text, "GoToCorner", into: 0));
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Rename_changes_every_occurrence_across_files_and_refuses_keywords()
    {
        var folder = Directory.CreateTempSubdirectory("mesaspec-lsp-");
        try
        {
            var commonText = "objective EatCheese {\n  reward +10 when agent reaches cheese\n  end when agent reaches cheese\n}\n";
            var common = Path.Combine(folder.FullName, "common.mesa");
            await File.WriteAllTextAsync(common, commonText);
            var spec = Specs.Cheese;
            var mainText = "import \"common.mesa\"\n" + spec.Replace(spec[spec.IndexOf("objective EatCheese", StringComparison.Ordinal)..spec.IndexOf("// The hypothesised", StringComparison.Ordinal)], "", StringComparison.Ordinal);
            var mainUri = new Uri(Path.Combine(folder.FullName, "main.mesa")).AbsoluteUri;
            var commonUri = new Uri(common).AbsoluteUri;

            await using var client = new LspTestClient();
            await client.InitializeAsync(rootUri: new Uri(folder.FullName).AbsoluteUri);
            await client.OpenAsync(mainUri, mainText);
            var position = Specs.At(mainText, "EatCheese");
            var prepared = await client.RequestAsync<PrepareRenameResult>("textDocument/prepareRename", new PrepareRenameParams(Doc(mainUri), position));
            Assert.Equal("EatCheese", prepared.Placeholder);

            var edit = await client.RequestAsync<WorkspaceEdit>("textDocument/rename", new RenameParams(Doc(mainUri), position, "EatTheCheese"));
            Assert.Single(edit.Changes[mainUri]);
            Assert.Equal(new Protocol.Range(new Position(0, 10), new Position(0, 19)), Assert.Single(edit.Changes[commonUri]).Range);

            // From the declaring file (open too), the importer's uses are found.
            await client.OpenAsync(commonUri, commonText);
            var fromDeclaration = await client.RequestAsync<WorkspaceEdit>("textDocument/rename", new RenameParams(Doc(commonUri), new Position(0, 12), "Eat"));
            Assert.Equal([commonUri, mainUri], fromDeclaration.Changes.Keys.Order(StringComparer.Ordinal));

            var keyword = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync<PrepareRenameResult?>("textDocument/prepareRename", new PrepareRenameParams(Doc(mainUri), Specs.At(mainText, "evaluate"))));
            Assert.Contains("keyword", keyword.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync<PrepareRenameResult?>("textDocument/prepareRename", new PrepareRenameParams(Doc(mainUri), Specs.At(mainText, "ppo"))));
            var toKeyword = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync<WorkspaceEdit?>("textDocument/rename", new RenameParams(Doc(mainUri), position, "experiment")));
            Assert.Contains("keyword", toKeyword.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync<WorkspaceEdit?>("textDocument/rename", new RenameParams(Doc(mainUri), position, "GoToCorner")));
            await client.ShutdownAndExitAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
