namespace MesaSpec.LanguageServer.Tests;

/// <summary>Issue 14: completion and hover know curricula (<c>curriculum plr(...)</c>), from the component catalogue.</summary>
public class CurriculumEditorTests
{
    private const string TrainLine = "using ppo(steps: 300k)";

    private static string OnTrainLine(string rest) => Specs.Cheese.Replace(TrainLine, TrainLine + " " + rest, StringComparison.Ordinal);

    [Fact]
    public async Task The_curriculum_clause_and_its_components_are_completed()
    {
        Assert.Contains("curriculum", await Specs.CompletionLabelsAsync(OnTrainLine("$")));
        Assert.Equal(["plr"], await Specs.CompletionLabelsAsync(OnTrainLine("curriculum $")));
        Assert.Equal(["plr"], await Specs.CompletionLabelsAsync(CompletionTests.InExperiment("then train on MazeAnywhere for 10k curriculum $")));
    }

    [Fact]
    public async Task The_keyword_and_the_component_have_hover_docs()
    {
        var text = OnTrainLine("curriculum plr(buffer: 64)");
        foreach (var (word, expected) in new[] { ("curriculum plr", "domain randomisation"), ("plr(", "regret") })
        {
            Assert.Contains(expected, await Specs.HoverTextAsync(text, word), StringComparison.Ordinal);
        }
    }
}
