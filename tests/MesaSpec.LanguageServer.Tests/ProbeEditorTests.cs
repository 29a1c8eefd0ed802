using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Tests;

/// <summary>The editor on probes and steering: completion, hover and diagnostics.</summary>
public class ProbeEditorTests
{
    private const string Probed = """
        environment Maze {
          grid 7 x 7
          walls maze
          item cheese spawn anywhere
        }

        objective EatCheese {
          reward +1 when agent reaches cheese
          end when agent reaches cheese
        }

        objective GoToCorner {
          reward +1 when agent reaches corner(top_right, 1)
        }

        experiment Probed {
          base objective EatCheese
          mesa objective GoToCorner
          train on Maze with mlp(hidden: [32, 32]) using ppo(steps: 10k)
          evaluate on Maze episodes 20
          probe Nearer: closer(EatCheese, GoToCorner) at layer 2
          steer Nearer by 2
          expect on Maze: probe(Nearer) > chance
        }
        """;

    private static Task<string[]> LabelsAsync(string marked) => Specs.CompletionLabelsAsync(marked);

    [Fact]
    public async Task Completion_offers_probe_members_features_layers_probe_names_and_chance()
    {
        var members = await LabelsAsync(Probed.Replace("  steer Nearer by 2\n", "  steer Nearer by 2\n  $\n", StringComparison.Ordinal));
        Assert.Contains("probe", members);
        Assert.Contains("steer", members);
        Assert.Equal(["cell_of", "closer", "distance_to"], (await LabelsAsync(Probed.Replace("probe Nearer: closer(EatCheese, GoToCorner)", "probe Nearer: $", StringComparison.Ordinal))).Order());
        Assert.Contains("EatCheese", await LabelsAsync(Probed.Replace("closer(EatCheese, GoToCorner)", "closer($)", StringComparison.Ordinal)));
        Assert.Equal(["layer"], await LabelsAsync(Probed.Replace("at layer 2", "at $", StringComparison.Ordinal)));
        Assert.Equal(["Nearer"], await LabelsAsync(Probed.Replace("steer Nearer by 2", "steer $", StringComparison.Ordinal)));
        Assert.Equal(["Nearer"], await LabelsAsync(Probed.Replace("probe(Nearer) > chance", "probe($) > chance", StringComparison.Ordinal)));
        Assert.Contains("chance", await LabelsAsync(Probed.Replace("probe(Nearer) > chance", "probe(Nearer) > $", StringComparison.Ordinal)));
        Assert.Contains("probe", await LabelsAsync(Probed.Replace("expect on Maze: probe(Nearer) > chance", "expect on Maze: $", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Hover_explains_probe_steer_features_and_chance()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, Probed);
        async Task<string> HoverAt(string at) => (await client.RequestAsync<Hover?>("textDocument/hover",
            new HoverParams(new TextDocumentIdentifier(Specs.Uri), Specs.At(Probed, at))))!.Contents.Value;
        Assert.Contains("linear probe", await HoverAt("probe Nearer"), StringComparison.Ordinal);
        Assert.Contains("steering vector", await HoverAt("steer Nearer"), StringComparison.Ordinal);
        Assert.Contains("nearer", await HoverAt("closer(EatCheese"), StringComparison.Ordinal);
        Assert.Contains("majority class", await HoverAt("chance"), StringComparison.Ordinal);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task A_layer_the_model_lacks_is_published_with_its_code()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, Probed.Replace("at layer 2", "at layer 5", StringComparison.Ordinal));
        var published = await client.DiagnosticsAsync(Specs.Uri);
        Assert.Contains(published.Diagnostics, d => d.Code == "MS2053" && d.Range.Start.Line == 20);
        await client.ShutdownAndExitAsync();
    }
}
