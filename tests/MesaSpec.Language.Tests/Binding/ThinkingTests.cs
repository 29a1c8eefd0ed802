using MesaSpec.Language.Binding;
using MesaSpec.Language.Formatting;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Binding;

/// <summary><c>evaluate on ... thinking N</c>: parsed, formatted, bound per sweep point, refused where it has no meaning.</summary>
public sealed class ThinkingTests
{
    [Fact]
    public void Thinking_steps_are_bound_per_evaluation_and_per_sweep_point()
    {
        var text = Specs.WithExperiment("  sweep steps in [0, 4, 8]\n").Replace("experiment Run {", "experiment Run(steps: int = 0) {")
            .Replace("  evaluate on Maze, Anywhere\n", "  evaluate on Maze episodes 20\n  evaluate on Anywhere episodes 20 thinking 2 * steps\n");
        var compilation = Compilation.Create(SyntaxTree.Parse(text, "/ws/main.mesa"));
        Check.NoErrors(compilation);
        var points = compilation.PlanFor("Run")!.Points;
        Assert.Equal([0, 8, 16], points.Select(p => p.Evaluations.Single(e => e.Environment.Name == "Anywhere").Thinking));
        Assert.All(points, p => Assert.Equal(0, p.Evaluations.Single(e => e.Environment.Name == "Maze").Thinking));
    }

    [Fact]
    public void Thinking_round_trips_through_the_formatter()
    {
        var text = Specs.WithExperiment().Replace("  evaluate on Maze, Anywhere\n", "  evaluate on Maze, Anywhere episodes 50 thinking 8\n");
        var formatted = Formatter.Format(text);
        Assert.Contains("evaluate on Maze, Anywhere episodes 50 thinking 8", formatted, StringComparison.Ordinal);
        Assert.Equal(formatted, Formatter.Format(formatted));
    }

    [Fact]
    public void Negative_thinking_is_out_of_range() =>
        Check.Diagnostics(Specs.WithExperiment().Replace("  evaluate on Maze, Anywhere\n", "  evaluate on Maze, Anywhere thinking [|-1|]\n"), ValueOutOfRange);

    [Fact]
    public void Thinking_on_a_task_is_refused() =>
        Check.Diagnostics("""
            task Regression {
              dimension 10
              context 10
            }

            experiment InContext {
              train on Regression with linear_attention using adam
              evaluate on Regression thinking [|4|]
            }
            """, ThinkingOnTask);
}
