using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Running;

/// <summary>Issue 17: CLI tables never break a word. The table of an experiment on a task, like the environments' one, becomes blocks on a narrow terminal.</summary>
public sealed class TaskVerdictTableTests
{
    private static readonly Estimate Error = new(0.2134, 0.1512, 0.2871, 60, 60, 3);

    private static readonly RunReport Report = new()
    {
        EngineVersion = "0",
        Experiment = "LinearAttention",
        Spec = new SpecInfo("in-context.mesa", "hash", "trained"),
        Status = RunStatus.Finished,
        Seeds = [0, 1, 2],
        Settings = new RunSettings(1, "cpu", "host"),
        StartedAt = DateTimeOffset.UnixEpoch,
        Expectations = [],
        Points =
        [
            new SweepPoint
            {
                Parameters = new Dictionary<string, string>(),
                CompletedSeeds = [0, 1, 2],
                Training = [],
                Evaluations = [],
                Tasks =
                [
                    new TaskEvaluationReport
                    {
                        Task = "Regression", Distribution = "linear", TrainingDistribution = true, Prompts = 20, Verdict = "mesa_optimizer",
                        Learner = "gradient_descent", Explanation = "agrees with gradient_descent", Threshold = 0.9, ModelError = Error,
                        References =
                        [
                            new ReferenceLearnerReport("gradient_descent", 1.5, Error, Error, new Estimate(0.9912, 0.9853, 0.9944, 60, 60, 3)),
                            new ReferenceLearnerReport("ridge", null, Error, Error, new Estimate(0.8761, 0.8412, 0.9023, 60, 60, 3)),
                        ],
                        PerSeed = [new TaskSeedEvaluation(0, "mesa_optimizer", "gradient_descent", 0.2, new Dictionary<string, double?>())],
                    },
                ],
            },
        ],
    };

    private static string[] Render(int width) => NarrowConsole.Render(Report, width);

    [Theory]
    [InlineData(200)]
    [InlineData(60)]
    public void Every_interval_is_printed_whole_within_the_width(int width)
    {
        var lines = Render(width);
        Assert.All(lines.Where(l => l.StartsWith('│') || l.StartsWith('╭') || l.StartsWith('╰')), l => Assert.True(l.Length <= width, $"{l.Length} columns: {l}"));
        // A block line longer than the terminal wraps between words, never inside a number.
        var text = System.Text.RegularExpressions.Regex.Replace(string.Join(" ", lines), @"\s+", " ");
        Assert.Contains("0.99 [0.99, 0.99]", text, StringComparison.Ordinal);
        Assert.Contains("0.21 [0.15, 0.29]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_narrow_terminal_gets_a_block_per_task()
    {
        Assert.Equal(1, Render(200).Count(l => l.StartsWith('╭')));
        var narrow = Render(60);
        Assert.DoesNotContain(narrow, l => l.StartsWith('╭'));
        Assert.Contains("  model error: 0.21 [0.15, 0.29]", narrow);
    }
}
