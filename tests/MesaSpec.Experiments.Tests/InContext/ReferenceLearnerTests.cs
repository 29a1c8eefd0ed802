using MesaSpec.Experiments.InContext;
using MesaSpec.Language.Model;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Experiments.Tests.InContext;

/// <summary>The reference learners and the verdict rule without any trained model: what each learner is, and that they can be told apart.</summary>
public sealed class ReferenceLearnerTests
{
    private static readonly TaskModel Task = new("Regression", "Regression", TaskFamily.Linear, 10, 10, 0, InputDistribution.Uniform, 1);

    private static InContextVerdictRule.Judgement Judge(ReferenceLearner standIn, TaskModel? evaluation = null, int seeds = 2, int prompts = 300)
    {
        var rows = new List<IReadOnlyList<double[]>>();
        IReadOnlyList<double?> rates = [];
        for (var seed = 0; seed < seeds; seed++)
        {
            var references = ReferenceLearnerFactory.Fit(Task, seed);
            rates = references.Select(r => r.LearningRate).ToList();
            var task = evaluation ?? Task;
            var evaluated = PromptSampler.Sample(task, seed, PromptSampler.Purpose.Evaluation, 0, prompts);
            var model = references.Single(r => r.Learner == standIn).Implementation;
            rows.Add(PromptMeasurement.Measure(model, references.Select(r => r.Implementation).ToList(), evaluated, PromptMeasurement.StepFor(task), CancellationToken.None));
        }
        return InContextVerdictRule.Judge(new PromptBootstrap(rows), LearnerWords.Learners, rates, threshold: 0.9);
    }

    [Theory]
    [InlineData(ReferenceLearner.GradientDescent)]
    [InlineData(ReferenceLearner.MultiStepGradientDescent)]
    [InlineData(ReferenceLearner.Ridge)]
    public void Each_reference_learner_standing_in_for_the_model_is_identified_as_itself(ReferenceLearner learner)
    {
        var judgement = Judge(learner);
        Assert.True(judgement.Verdict == Verdict.MesaOptimizer && judgement.Learner == learner, judgement.Explanation);
    }

    [Fact]
    public void Ridge_and_one_gradient_step_are_distinguishable_on_the_training_task()
    {
        var judgement = Judge(ReferenceLearner.Ridge);
        var gd = judgement.References.Single(r => r.Learner == LearnerWords.Word(ReferenceLearner.GradientDescent));
        Assert.True(gd.SensitivityCosine.CiHigh < 0.9, judgement.Explanation);
        Assert.True(gd.Margin!.CiLow > 0.1, judgement.Explanation);
    }

    [Fact]
    public void Ridge_at_noise_zero_interpolates_the_context_and_least_squares_is_exact_on_a_linear_task()
    {
        var prompt = PromptSampler.Sample(Task, 3, PromptSampler.Purpose.Evaluation, 0);
        Assert.Equal(prompt.QueryTarget, new RidgeLearner(0).Predict(prompt), 1e-6);
        var few = Task with { Context = 4 };
        var underdetermined = PromptSampler.Sample(few, 3, PromptSampler.Purpose.Evaluation, 0);
        var ridge = new RidgeLearner(0);
        for (var i = 0; i < few.Context; i++)
        {
            var onContext = underdetermined.WithQuery(underdetermined.Inputs.AsSpan(i * few.Dimension, few.Dimension).ToArray());
            Assert.Equal(underdetermined.Targets[i], ridge.Predict(onContext), 1e-6);
        }
    }

    [Fact]
    public void The_fitted_learning_rate_of_one_step_minimises_the_training_error()
    {
        var prompts = PromptSampler.Sample(Task, 0, PromptSampler.Purpose.Fitting, 0, 500);
        var rate = GradientDescentLearner.FitLearningRate(1, prompts);
        double Error(double r) => GradientDescentLearner.MeanSquaredError(new GradientDescentLearner(1, r).Predict(prompts), prompts);
        Assert.True(rate > 0);
        Assert.True(Error(rate) < Error(rate * 0.9) && Error(rate) < Error(rate * 1.1));
        var three = GradientDescentLearner.FitLearningRate(3, prompts);
        double Error3(double r) => GradientDescentLearner.MeanSquaredError(new GradientDescentLearner(3, r).Predict(prompts), prompts);
        Assert.True(Error3(three) <= Error3(three * 0.9) && Error3(three) <= Error3(three * 1.1));
    }

    [Fact]
    public void Prompts_are_a_function_of_seed_purpose_and_index()
    {
        var a = PromptSampler.Sample(Task, 5, PromptSampler.Purpose.Training, 17);
        Assert.Equal(a, PromptSampler.Sample(Task, 5, PromptSampler.Purpose.Training, 17), PromptComparer.Instance);
        Assert.NotEqual(a.Query, PromptSampler.Sample(Task, 5, PromptSampler.Purpose.Evaluation, 17).Query);
        Assert.All(a.Inputs, x => Assert.InRange(x, -1, 1));
    }

    [Fact]
    public void The_bootstrap_interval_is_deterministic_and_contains_the_mean()
    {
        var rows = Enumerable.Range(0, 2).Select(s => (IReadOnlyList<double[]>)Enumerable.Range(0, 50).Select(i => new[] { (double)((i * 7 + s) % 11) }).ToList()).ToList();
        var first = new PromptBootstrap(rows).Estimate(PromptBootstrap.Mean(0));
        Assert.Equal(first, new PromptBootstrap(rows).Estimate(PromptBootstrap.Mean(0)));
        Assert.InRange(first.Mean!.Value, first.CiLow!.Value, first.CiHigh!.Value);
        Assert.Equal((100, 2), (first.Count, first.Seeds));
    }

    private sealed class PromptComparer : IEqualityComparer<Prompt>
    {
        public static PromptComparer Instance { get; } = new();

        public bool Equals(Prompt? x, Prompt? y) => x is not null && y is not null && x.Inputs.SequenceEqual(y.Inputs) && x.Targets.SequenceEqual(y.Targets)
            && x.Query.SequenceEqual(y.Query) && x.QueryTarget == y.QueryTarget;

        public int GetHashCode(Prompt obj) => obj.QueryTarget.GetHashCode();
    }
}
