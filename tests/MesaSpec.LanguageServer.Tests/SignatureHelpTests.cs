using MesaSpec.Language.Catalogue;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Tests;

public class SignatureHelpTests
{
    private static async Task<SignatureHelp?> HelpAsync(string marked)
    {
        var (text, cursor) = Specs.Cursor(marked);
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, text);
        var help = await client.RequestAsync<SignatureHelp?>("textDocument/signatureHelp", new SignatureHelpParams(new TextDocumentIdentifier(Specs.Uri), cursor));
        await client.ShutdownAndExitAsync();
        return help;
    }

    [Fact]
    public async Task Inside_a_component_call_the_active_parameter_follows_the_argument()
    {
        var positional = await HelpAsync(Specs.Cheese.Replace("ppo(steps: 300k)", "ppo(1, $)", StringComparison.Ordinal));
        Assert.Equal(ComponentCatalog.Default.Find(ComponentKind.Algorithm, "ppo")!.Signature, positional!.Signatures[0].Label);
        Assert.Equal(1, positional.ActiveParameter);
        var named = await HelpAsync(Specs.Cheese.Replace("ppo(steps: 300k)", "ppo(steps: 300k, clip: $)", StringComparison.Ordinal));
        Assert.StartsWith("clip: float = ", named!.Signatures[0].Parameters[named.ActiveParameter].Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameterised_environments_and_regions_have_signatures()
    {
        var environment = await HelpAsync(Specs.Cheese.Replace("train on Maze with", "train on Maze($) with", StringComparison.Ordinal));
        Assert.Equal("corner: int = 1", environment!.Signatures[0].Parameters[0].Label);
        var region = await HelpAsync(Specs.Cheese.Replace("corner(top_right, corner)", "corner(top_right, $)", StringComparison.Ordinal));
        Assert.Equal(1, region!.ActiveParameter);
        Assert.Null(await HelpAsync(Specs.Cheese.Replace("seeds 3", "seeds $3", StringComparison.Ordinal)));
    }
}
