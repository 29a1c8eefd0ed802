using MesaSpec.Cli.Running;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Running;

/// <summary>The terminal's verdict table never breaks a word: too wide for the terminal, it becomes lines per environment.</summary>
public sealed class VerdictTableTests
{
    private static readonly Lazy<RunReport> Report = new(() =>
    {
        var spec = Cluster.ClusterSpecs.Sweep("policy oracle(Corner)").Replace("sweep corner in [1, 3]", "", StringComparison.Ordinal);
        var compilation = Compilation.Create(SyntaxTree.Parse(spec, "narrow.mesa"));
        return new ExperimentRunner(trainer: null, new RunOptions()).Run(compilation.Plans.Single(), new SpecInfo("narrow.mesa", "hash", "oracle"), null, CancellationToken.None);
    });

    private static string[] Render(int width) => NarrowConsole.Render(Report.Value, width);

    [Theory]
    [InlineData(200)]
    [InlineData(60)]
    [InlineData(40)]
    public void Every_verdict_and_interval_is_printed_whole_within_the_width(int width)
    {
        var lines = Render(width);
        // A drawn table fits the width; the explanations are prose the terminal wraps at its edge, as any line.
        Assert.All(lines.Where(l => l.StartsWith('│') || l.StartsWith('╭') || l.StartsWith('╰')), l => Assert.True(l.Length <= width, $"{l.Length} columns: {l}"));
        var evaluation = Report.Value.Points[0].Evaluations.Single(e => e.Environment == "Anywhere");
        var score = VerdictTable.Interval(evaluation.Objectives.Single(o => o.Name == "Corner").Score);
        var tableText = lines.TakeWhile(l => !l.StartsWith("Maze(corner: corner): ", StringComparison.Ordinal)).ToList();
        Assert.Contains(tableText, l => l.Contains("pseudo_aligned(Corner)", StringComparison.Ordinal));
        Assert.Contains(tableText, l => l.Contains(score, StringComparison.Ordinal));
    }

    [Fact]
    public void A_wide_terminal_gets_the_table_and_a_narrow_one_a_block_per_environment()
    {
        Assert.Equal(1, Render(200).Count(l => l.StartsWith('╭')));
        var narrow = Render(60);
        Assert.DoesNotContain(narrow, l => l.StartsWith('╭'));
        Assert.Contains("  verdict: pseudo_aligned(Corner)", narrow);
    }

    [Fact]
    public void The_random_policy_has_its_interval_on_the_episodes_the_scores_are_on()
    {
        // Issue 17: the terminal showed the random baseline as bare means ("0.22 / -"), on other episodes than the prose's.
        var lines = Render(250);
        var evaluation = Report.Value.Points[0].Evaluations.Single(e => e.Environment == "Anywhere");
        var random = HeadlineScores.Random(evaluation, "Corner")!;
        Assert.NotNull(random.CiLow);
        Assert.Single(lines, l => l.Contains("random policy", StringComparison.Ordinal) && l.Contains(VerdictTable.Interval(random), StringComparison.Ordinal));
        Assert.Contains(HeadlineScores.Episodes(evaluation), lines.Single(l => l.StartsWith("│ Anywhere", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("random policy on the same episodes: ", evaluation.Explanation, StringComparison.Ordinal);
        Assert.Contains(VerdictTable.Interval(random), evaluation.Explanation, StringComparison.Ordinal);
    }
}
