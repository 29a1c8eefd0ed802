using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Tests;

/// <summary>The editor on tasks and experiments trained on a task: completion, hover and diagnostics.</summary>
public class TaskEditorTests
{
    private const string InContext = """
        task Regression(scale: float = 1) {
          family linear
          dimension 10
          context 10
          inputs uniform(scale: scale)
        }

        task Wide extends Regression(scale: 3) {}

        experiment InContext {
          train on Regression with linear_attention(layers: 1) using adam(steps: 100)
          evaluate on Regression, Wide episodes 100
          expect on Wide: mesa_optimizer(gradient_descent)
        }
        """;

    private static Task<string[]> LabelsAsync(string marked) => Specs.CompletionLabelsAsync(marked);

    [Fact]
    public async Task Completion_offers_task_members_words_tasks_models_and_verdicts()
    {
        Assert.Contains("task", await LabelsAsync("$\n" + InContext));
        var members = await LabelsAsync(InContext.Replace("  family linear\n", "  family linear\n  $\n", StringComparison.Ordinal));
        Assert.Contains("inputs", members);
        Assert.DoesNotContain("grid", members);
        Assert.Equal(["linear", "tanh"], (await LabelsAsync(InContext.Replace("family linear", "family $", StringComparison.Ordinal))).Order());
        Assert.Contains("gaussian", await LabelsAsync(InContext.Replace("inputs uniform(scale: scale)", "inputs $", StringComparison.Ordinal)));
        var models = await LabelsAsync(InContext.Replace("with linear_attention(layers: 1) using", "with $", StringComparison.Ordinal));
        Assert.Contains("transformer", models);
        Assert.DoesNotContain("mlp", models);
        Assert.Contains("Wide", await LabelsAsync(InContext.Replace("evaluate on Regression, Wide", "evaluate on Regression, $", StringComparison.Ordinal)));
        Assert.Contains("mesa_optimizer", await LabelsAsync(InContext.Replace("expect on Wide: mesa_optimizer(gradient_descent)", "expect on Wide: $", StringComparison.Ordinal)));
        Assert.Contains("ridge", await LabelsAsync(InContext.Replace("mesa_optimizer(gradient_descent)", "mesa_optimizer($)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Hover_explains_tasks_members_and_the_verdict()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, InContext);
        async Task<string> HoverAt(string at) => (await client.RequestAsync<Hover?>("textDocument/hover",
            new HoverParams(new TextDocumentIdentifier(Specs.Uri), Specs.At(InContext, at))))!.Contents.Value;
        Assert.Contains("in-context", await HoverAt("task Regression"), StringComparison.Ordinal);
        Assert.Contains("context pairs", await HoverAt("context 10"), StringComparison.Ordinal);
        Assert.Contains("gradient descent", await HoverAt("mesa_optimizer(gradient_descent)"), StringComparison.Ordinal);
        Assert.Contains("layers", await HoverAt("linear_attention(layers: 1)"), StringComparison.Ordinal);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Bad_task_parameters_are_published_with_their_codes()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, InContext.Replace("dimension 10", "dimension 0", StringComparison.Ordinal).Replace("with linear_attention(layers: 1)", "with mlp", StringComparison.Ordinal));
        var published = await client.DiagnosticsAsync(Specs.Uri);
        Assert.Contains(published.Diagnostics, d => d.Code == "MS2017" && d.Range.Start.Line == 2);
        Assert.Contains(published.Diagnostics, d => d.Code == "MS2060");
        await client.ShutdownAndExitAsync();
    }
}
