using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Binding;

/// <summary>A mixture where an evaluation environment belongs: the error says what a mixture is for.</summary>
public sealed class MixtureEvaluationTests
{
    [Fact]
    public void Evaluating_on_a_mixture_says_it_is_a_training_distribution()
    {
        var text = Specs.WithExperiment().Replace("  evaluate on Maze, Anywhere\n", "  evaluate on mix(Maze: 0.5, Anywhere: 0.5)\n", StringComparison.Ordinal);
        Check.Diagnostics(text.Replace("mix(Maze", "[|mix|](Maze", StringComparison.Ordinal), UnknownName);
        var diagnostic = Compilation.Create(SyntaxTree.Parse(text, "/ws/main.mesa")).Diagnostics.Single(d => d.Code == UnknownName);
        Assert.Contains("a mixture is a training distribution", diagnostic.Message, StringComparison.Ordinal);
    }
}
