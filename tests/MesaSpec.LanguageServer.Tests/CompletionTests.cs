using MesaSpec.Language.Catalogue;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Tests;

public class CompletionTests
{
    private static Task<string[]> LabelsAsync(string marked) => Specs.CompletionLabelsAsync(marked);

    internal static string InExperiment(string line) => Specs.Cheese.Replace("  seeds 3\n", $"  seeds 3\n  {line}\n", StringComparison.Ordinal);

    private static string InEnvironment(string line) => Specs.Cheese.Replace("  horizon 64", $"  {line}\n  horizon 64", StringComparison.Ordinal);

    [Fact]
    public async Task Top_level_offers_declaration_snippets()
    {
        var labels = await LabelsAsync("$\n" + Specs.Cheese);
        Assert.Contains("environment", labels);
        Assert.Contains("experiment", labels);
        Assert.Contains("import", labels);
    }

    [Fact]
    public async Task Member_position_offers_the_members_of_that_declaration_kind()
    {
        var environment = await LabelsAsync(InEnvironment("$"));
        Assert.Contains("grid", environment);
        Assert.Contains("agent spawn", environment);
        Assert.DoesNotContain("train on", environment);
        var experiment = await LabelsAsync(InExperiment("$"));
        Assert.Contains("train on", experiment);
        Assert.Contains("expect on", experiment);
        Assert.DoesNotContain("grid", experiment);
    }

    [Fact]
    public async Task Typing_indentation_does_not_pop_up_members()
    {
        var (text, cursor) = Specs.Cursor(InEnvironment("$"));
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, text);
        var list = await client.RequestAsync<CompletionList>("textDocument/completion", new CompletionParams(new TextDocumentIdentifier(Specs.Uri), cursor, new CompletionContext(2, " ")));
        Assert.Empty(list.Items);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Names_of_the_right_kind_follow_their_keywords()
    {
        var environments = await LabelsAsync(InExperiment("evaluate on Maze, $"));
        Assert.Equal(["Maze", "MazeAnywhere"], environments);
        var objectives = await LabelsAsync(InExperiment("mesa objective $"));
        Assert.Equal(["EatCheese", "GoToCorner"], objectives);
        var verdicts = await LabelsAsync(InExperiment("expect on Maze: $"));
        Assert.Contains("robustly_aligned", verdicts);
        Assert.Contains("pseudo_aligned", verdicts);
        var proxies = await LabelsAsync(InExperiment("expect on Maze: pseudo_aligned($"));
        Assert.Contains("GoToCorner", proxies);
    }

    [Fact]
    public async Task Components_and_their_parameters_are_offered()
    {
        var models = await LabelsAsync(InExperiment("train on Maze with $"));
        Assert.Equal(ComponentCatalog.Default.OfKind(ComponentKind.Model).Select(c => c.Name), models);
        var algorithms = await LabelsAsync(InExperiment("train on Maze with mlp() using $"));
        Assert.Equal(ComponentCatalog.Default.OfKind(ComponentKind.Algorithm).Select(c => c.Name), algorithms);
        var parameters = await LabelsAsync(InExperiment("train on Maze with mlp() using ppo(steps: 1k, $"));
        Assert.Contains("clip", parameters);
        Assert.DoesNotContain("steps", parameters);
        var choices = await LabelsAsync(InExperiment("train on Maze with mlp(activation: $"));
        Assert.Equal(["tanh", "relu"], choices);
        var walls = await LabelsAsync(InEnvironment("walls $"));
        Assert.Equal(["none", .. ComponentCatalog.Default.OfKind(ComponentKind.Walls).Select(c => c.Name)], walls);
    }

    [Fact]
    public async Task Regions_item_kinds_and_item_properties_are_offered()
    {
        var regions = await LabelsAsync(InEnvironment("agent spawn $"));
        Assert.Contains("anywhere", regions);
        Assert.Contains("corner", regions);
        var corners = await LabelsAsync(InEnvironment("agent spawn corner($"));
        Assert.Contains("top_right", corners);
        var properties = await LabelsAsync(InEnvironment("item coin $"));
        Assert.Contains("spawn", properties);
        Assert.Contains("behaviour", properties);
        var targets = await LabelsAsync(Specs.Cheese.Replace("  reward -0.01 each step", "  reward +1 when agent reaches $", StringComparison.Ordinal));
        Assert.Contains("cheese", targets);
        Assert.Contains("corner", targets);
    }

    [Fact]
    public async Task Movements_behaviours_and_reward_conditions_are_offered_from_their_vocabularies()
    {
        Assert.Contains("moves", await LabelsAsync(InEnvironment("item coin $")));
        var movements = await LabelsAsync(InEnvironment("item coin behaviour monster moves $"));
        Assert.Equal(["chase", "flee", "lead", "patrol", "wander"], movements.Order(StringComparer.Ordinal));
        var behaviours = await LabelsAsync(InEnvironment("item coin behaviour $"));
        Assert.Contains("monster", behaviours);
        Assert.Contains("shield", behaviours);
        var afterTarget = await LabelsAsync(Specs.Cheese.Replace("  reward -0.01 each step", "  reward -1 when agent touches cheese $", StringComparison.Ordinal));
        Assert.Equal(["after", "at", "if", "unless"], afterTarget.Order(StringComparer.Ordinal));
        Assert.Contains("cheese", await LabelsAsync(Specs.Cheese.Replace("  reward -0.01 each step", "  reward +1 when agent reaches cheese after $", StringComparison.Ordinal)));
        Assert.Equal(["agent"], await LabelsAsync(Specs.Cheese.Replace("  reward -0.01 each step", "  reward -1 when agent touches cheese unless $", StringComparison.Ordinal)));
        Assert.Equal(["holds"], await LabelsAsync(Specs.Cheese.Replace("  reward -0.01 each step", "  reward -1 when agent touches cheese unless agent $", StringComparison.Ordinal)));
        Assert.Contains("cheese", await LabelsAsync(Specs.Cheese.Replace("  reward -0.01 each step", "  reward -1 when agent touches cheese unless agent holds $", StringComparison.Ordinal)));
        Assert.Equal(["most"], await LabelsAsync(Specs.Cheese.Replace("  reward -0.01 each step", "  reward +1 when agent reaches cheese, at $", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Completion_right_after_a_change_answers_from_the_current_text_without_waiting_for_its_analysis()
    {
        await using var client = new LspTestClient(new Server.ServerOptions { DiagnosticsDebounce = TimeSpan.FromSeconds(2), IdentifiabilityLevels = 0 });
        await client.InitializeAsync();
        var text = Specs.Cheese;
        await client.OpenAsync(Specs.Uri, text);
        await client.RequestAsync<Hover?>("textDocument/hover", new HoverParams(new TextDocumentIdentifier(Specs.Uri), Specs.At(text, "ppo")));
        Assert.Equal(1, client.Server.Workspace.Compilations);

        var at = Specs.At(text, "  seeds 3", into: 0);
        await client.ChangeAsync(Specs.Uri, 2, new TextDocumentContentChangeEvent("  mesa objective \n", new Protocol.Range(at, at)));
        var list = await client.RequestAsync<CompletionList>("textDocument/completion", new CompletionParams(new TextDocumentIdentifier(Specs.Uri), at with { Character = "  mesa objective ".Length }));
        Assert.Equal(["EatCheese", "GoToCorner"], list.Items.Select(i => i.Label));
        Assert.Equal(1, client.Server.Workspace.Compilations);
        await client.ShutdownAndExitAsync();
    }
}
