using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;
using MesaSpec.LanguageServer.Features.Diagnostics;

namespace MesaSpec.LanguageServer.Tests;

public class CachedAnalyzerTests
{
    private sealed class CountingAnalyzer : IExperimentAnalyzer
    {
        public int Calls { get; private set; }

        public IEnumerable<Diagnostic> Analyze(ExperimentPlan plan, CancellationToken cancellationToken)
        {
            Calls++;
            var name = plan.Experiment.Syntax.Name.Span;
            return [new Diagnostic("MS3001", DiagnosticSeverity.Warning, name, "finding")];
        }
    }

    private static ExperimentPlan Plan(string text) => Compilation.Create(text).Plans.Single();

    [Fact]
    public void Findings_are_reused_when_only_other_text_changes_and_move_with_the_experiment()
    {
        var inner = new CountingAnalyzer();
        var cached = new CachedExperimentAnalyzer(inner);
        var text = Specs.Cheese;
        var first = cached.Analyze(Plan(text), CancellationToken.None).Single();

        var shifted = "// a new comment line at the top\n" + text;
        var second = cached.Analyze(Plan(shifted), CancellationToken.None).Single();
        Assert.Equal(1, inner.Calls);
        Assert.Equal(first.Span.Start + "// a new comment line at the top\n".Length, second.Span.Start);
        Assert.Equal("CheeseInTheCorner", shifted.Substring(second.Span.Start, second.Span.Length));

        // A change to something the experiment uses (the shifted environment) is analysed again.
        cached.Analyze(Plan(text.Replace("anywhere except corner(top_right, 1)", "anywhere", StringComparison.Ordinal)), CancellationToken.None);
        Assert.Equal(2, inner.Calls);
        Assert.Equal(1, cached.Hits);
    }
}
