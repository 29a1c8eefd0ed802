using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;

namespace MesaSpec.Language.Tests.Binding;

/// <summary>
/// <see cref="ExperimentPlan.TrainsOnce"/>: a sweep whose training lines do not mention the swept parameter trains
/// the same models at every point, so a run may train each seed once; any mention, however indirect, trains per point.
/// </summary>
public sealed class TrainsOnceTests
{
    [Theory]
    [InlineData("  evaluate on Anywhere episodes 20 thinking n\n")]
    [InlineData("  evaluate on Anywhere episodes n\n")]
    public void A_sweep_of_evaluation_settings_trains_once(string evaluation) =>
        Assert.True(Plan(evaluation, "train on Maze with mlp using ppo(steps: 1k)").TrainsOnce);

    [Theory]
    [InlineData("train on Maze with mlp using ppo(steps: 1k * n)")]
    [InlineData("train on Maze with mlp(hidden: [n]) using ppo(steps: 1k)")]
    [InlineData("train on mix(Maze: 1 - 0.01 * n, Anywhere: 0.01 * n) with mlp using ppo(steps: 1k)")]
    [InlineData("train on Maze with mlp using ppo(steps: 1k)\n  then train on Anywhere for n * 1k")]
    public void A_training_line_that_mentions_the_parameter_trains_per_point(string train) =>
        Assert.False(Plan("  evaluate on Anywhere episodes 20\n", train).TrainsOnce);

    [Fact]
    public void Without_a_sweep_there_is_nothing_to_share()
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(Specs.WithExperiment(), "/ws/main.mesa"));
        Check.NoErrors(compilation);
        Assert.False(compilation.PlanFor("Run")!.TrainsOnce);
    }

    private static ExperimentPlan Plan(string evaluation, string train)
    {
        var text = Specs.WithExperiment("  sweep n in [1, 2, 4]\n")
            .Replace("experiment Run {", "experiment Run(n: int = 1) {")
            .Replace("  train on Maze with mlp using ppo(steps: 1k)\n", $"  {train}\n")
            .Replace("  evaluate on Maze, Anywhere\n", "  evaluate on Maze episodes 20\n" + evaluation);
        var compilation = Compilation.Create(SyntaxTree.Parse(text, "/ws/main.mesa"));
        Check.NoErrors(compilation);
        var plan = compilation.PlanFor("Run")!;
        Assert.Equal(3, plan.Points.Count);
        return plan;
    }
}
