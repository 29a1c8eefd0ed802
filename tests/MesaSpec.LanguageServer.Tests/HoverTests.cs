using MesaSpec.Language.Catalogue;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Tests;

public class HoverTests
{
    private static async Task<Hover?> HoverAsync(string text, Position position)
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, text);
        var hover = await client.RequestAsync<Hover?>("textDocument/hover", new HoverParams(new TextDocumentIdentifier(Specs.Uri), position));
        await client.ShutdownAndExitAsync();
        return hover;
    }

    [Fact]
    public async Task Keywords_are_explained_in_the_vocabulary_of_learned_optimization()
    {
        var text = Specs.Cheese;
        var mesa = await HoverAsync(text, Specs.At(text, "mesa objective GoToCorner"));
        Assert.Contains("mesa-optimizer", mesa!.Contents.Value, StringComparison.Ordinal);
        var verdict = await HoverAsync(text, Specs.At(text, "pseudo_aligned(GoToCorner)"));
        Assert.Contains("pseudo-alignment", verdict!.Contents.Value, StringComparison.OrdinalIgnoreCase);
        var @base = await HoverAsync(text, Specs.At(text, "base objective EatCheese"));
        Assert.Contains("base optimizer", @base!.Contents.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_component_shows_its_documentation_parameters_and_defaults()
    {
        var text = Specs.Cheese;
        var hover = await HoverAsync(text, Specs.At(text, "ppo(steps"));
        Assert.Contains("Proximal Policy Optimization", hover!.Contents.Value, StringComparison.Ordinal);
        var clip = ComponentCatalog.Default.Find(ComponentKind.Algorithm, "ppo")!.Find("clip")!;
        Assert.Contains($"| `clip` | float | `{clip.Default}` |", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Equal("markdown", hover.Contents.Kind);
    }

    [Fact]
    public async Task A_component_argument_shows_its_parameter()
    {
        var text = Specs.Cheese;
        var hover = await HoverAsync(text, Specs.At(text, "steps: 300k"));
        Assert.Contains(ComponentCatalog.Default.Find(ComponentKind.Algorithm, "ppo")!.Find("steps")!.Signature, hover!.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("base optimizer", hover.Contents.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_environment_shows_its_resolved_definition_and_sampled_levels()
    {
        var text = Specs.Cheese;
        var hover = await HoverAsync(text, Specs.At(text, "MazeAnywhere", occurrence: 1));
        var value = hover!.Contents.Value;
        Assert.Contains("environment MazeAnywhere extends Maze", value, StringComparison.Ordinal);
        Assert.Contains("grid 9 x 9, walls maze", value, StringComparison.Ordinal);
        Assert.Contains("item cheese x1 spawn anywhere except corner(top_right)", value, StringComparison.Ordinal);
        Assert.Equal(3, CountOccurrences(value, "legend: A agent"));
        Assert.Contains("C cheese", value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_and_objectives_show_their_definitions()
    {
        var text = Specs.Cheese;
        var parameter = await HoverAsync(text, Specs.At(text, "corner)"));
        Assert.Contains("parameter corner: int = 1", parameter!.Contents.Value, StringComparison.Ordinal);
        var objective = await HoverAsync(text, Specs.At(text, "GoToCorner", occurrence: 1));
        Assert.Contains("objective GoToCorner", objective!.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("reward +10 when agent reaches corner(top_right, 1)", objective.Contents.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_in_comments_are_not_keywords()
    {
        var text = Specs.Cheese;
        Assert.Null(await HoverAsync(text, Specs.At(text, "environment declares")));
    }

    [Fact]
    public async Task Whitespace_has_no_hover()
    {
        Assert.Null(await HoverAsync("\n\n   \n", new Position(2, 1)));
    }

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
