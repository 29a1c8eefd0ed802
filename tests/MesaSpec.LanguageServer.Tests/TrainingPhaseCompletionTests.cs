namespace MesaSpec.LanguageServer.Tests;

/// <summary>Issue 14: completion and hover know mixtures (<c>mix</c>) and training phases (<c>then train on</c>, <c>rewarding</c>, <c>for</c>).</summary>
public class TrainingPhaseCompletionTests
{
    private static string InExperiment(string line) => CompletionTests.InExperiment(line);

    private static Task<string[]> LabelsAsync(string marked) => Specs.CompletionLabelsAsync(marked);

    [Fact]
    public async Task Phases_and_mixtures_are_completed()
    {
        Assert.Contains("then train on", await LabelsAsync(InExperiment("$")));
        var environments = await LabelsAsync(InExperiment("then train on $"));
        Assert.Contains("MazeAnywhere", environments);
        Assert.Contains("mix", environments);
        Assert.Contains("MazeAnywhere", await LabelsAsync(InExperiment("then train on mix(Maze: 0.9, $")));
        Assert.Equal(["rewarding", "using", "for", "curriculum"], await LabelsAsync(InExperiment("then train on MazeAnywhere $")));
        Assert.Contains("GoToCorner", await LabelsAsync(InExperiment("then train on MazeAnywhere rewarding $")));
        Assert.Contains("a2c", await LabelsAsync(InExperiment("then train on MazeAnywhere using $")));
        Assert.Contains("EatCheese", await LabelsAsync(Specs.Cheese.Replace("using ppo(steps: 300k)", "using ppo(steps: 300k) rewarding $", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_new_words_have_hover_docs()
    {
        var text = InExperiment("then train on mix(Maze: 1, MazeAnywhere: 1) rewarding GoToCorner for 10k");
        foreach (var (word, expected) in new[] { ("mix(", "weight"), ("then train", "fine-tunes"), ("rewarding", "objective"), ("for 10k", "budget") })
        {
            Assert.Contains(expected, await Specs.HoverTextAsync(text, word), StringComparison.Ordinal);
        }
    }
}
