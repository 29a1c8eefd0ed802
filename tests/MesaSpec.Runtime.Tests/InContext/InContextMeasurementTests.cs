using MesaSpec.Experiments.InContext;
using MesaSpec.Experiments.Training;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.Language.Vocabulary;
using MesaSpec.Runtime.InContext;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Tests.InContext;

/// <summary>
/// The in-context measurement on models whose answer is known: a linear self-attention layer whose weights are set
/// by hand to one step of gradient descent must be judged mesa_optimizer(gradient_descent); an untrained one must not.
/// </summary>
public sealed class InContextMeasurementTests
{
    private static readonly TaskModel Task = new("Regression", "Regression", TaskFamily.Linear, 10, 10, 0, InputDistribution.Uniform, 1);

    private static InContextVerdictRule.Judgement Judge(Func<int, IInContextLearner> model, int seeds = 2, int prompts = 300, TaskModel? evaluation = null)
    {
        var rows = new List<IReadOnlyList<double[]>>();
        IReadOnlyList<double?> rates = [];
        for (var seed = 0; seed < seeds; seed++)
        {
            var references = ReferenceLearnerFactory.Fit(Task, seed);
            rates = references.Select(r => r.LearningRate).ToList();
            var task = evaluation ?? Task;
            var evaluated = PromptSampler.Sample(task, seed, PromptSampler.Purpose.Evaluation, 0, prompts);
            rows.Add(PromptMeasurement.Measure(model(seed), references.Select(r => r.Implementation).ToList(), evaluated, PromptMeasurement.StepFor(task), CancellationToken.None));
        }
        return InContextVerdictRule.Judge(new PromptBootstrap(rows), LearnerWords.Learners, rates, threshold: 0.9);
    }

    /// <summary>W_KQ = [[I, 0], [0, 0]], W_PV = η in the y-y entry: the query's y becomes η x_qᵀ Xᵀy / N.</summary>
    private static IInContextLearner OneStepOfGradientDescent(float rate)
    {
        var width = Task.Dimension + 1;
        var keyQuery = new float[width * width];
        for (var j = 0; j < Task.Dimension; j++)
        {
            keyQuery[j * width + j] = 1;
        }
        var projectionValue = new float[width * width];
        projectionValue[^1] = rate;
        var network = new LinearAttentionNetwork(Task.Dimension, layers: 1);
        network.SetLayer(0, keyQuery, projectionValue);
        return new TrainedInContextModel(network, CPU, []);
    }

    private static IInContextLearner Untrained(int seed)
    {
        TorchSharp.torch.random.manual_seed(seed);
        return new TrainedInContextModel(new LinearAttentionNetwork(Task.Dimension, layers: 1), CPU, []);
    }

    [Fact]
    public void Hand_set_weights_implementing_one_gradient_step_predict_exactly_what_gradient_descent_predicts()
    {
        var prompts = PromptSampler.Sample(Task, 0, PromptSampler.Purpose.Evaluation, 0, 50);
        var model = OneStepOfGradientDescent(0.7f).Predict(prompts);
        var reference = new GradientDescentLearner(1, 0.7).Predict(prompts);
        for (var k = 0; k < prompts.Count; k++)
        {
            Assert.Equal(reference[k], model[k], 1e-4);
        }
    }

    [Fact]
    public void A_linear_attention_layer_set_to_one_gradient_step_is_a_mesa_optimizer_of_gradient_descent()
    {
        // Any positive rate: the agreement is a cosine, and the learning rate fitted on training prompts differs anyway.
        var judgement = Judge(_ => OneStepOfGradientDescent(0.5f));
        Assert.True(judgement.Verdict == Verdict.MesaOptimizer && judgement.Learner == ReferenceLearner.GradientDescent, judgement.Explanation);
        var gd = judgement.References.Single(r => r.Learner == "gradient_descent");
        Assert.True(gd.SensitivityCosine.Mean > 0.999 && gd.PredictionCosine.Mean > 0.999, judgement.Explanation);
        Assert.All(judgement.References.Where(r => r != gd), r => Assert.True(r.Margin!.CiLow > 0));
    }

    [Fact]
    public void The_match_of_a_gradient_step_holds_under_an_input_scale_shift()
    {
        var judgement = Judge(_ => OneStepOfGradientDescent(0.5f), evaluation: Task with { Name = "Wide", DisplayName = "Wide", InputScale = 3 });
        Assert.Equal((Verdict.MesaOptimizer, ReferenceLearner.GradientDescent), (judgement.Verdict, judgement.Learner));
    }

    [Fact]
    public void An_untrained_linear_attention_layer_is_not_a_mesa_optimizer_of_gradient_descent()
    {
        var judgement = Judge(Untrained);
        Assert.False(judgement.Verdict == Verdict.MesaOptimizer && judgement.Learner == ReferenceLearner.GradientDescent, judgement.Explanation);
        Assert.Equal(Verdict.Inconclusive, judgement.Verdict);
    }

    [Fact]
    public void A_short_supervised_run_moves_linear_attention_towards_gradient_descent()
    {
        var spec = new TaskTrainedModel(Task,
            new ComponentModel(BuiltinComponents.LinearAttention.Name, new Dictionary<string, Value> { ["layers"] = new(1L) }) { Descriptor = BuiltinComponents.LinearAttention },
            new ComponentModel(BuiltinComponents.Adam.Name, new Dictionary<string, Value> { ["steps"] = new(300L), ["lr"] = new(1e-2), ["batch"] = new(128L) }) { Descriptor = BuiltinComponents.Adam });
        using var trained = new InContextTrainer().Train(spec, 0, new TrainingSettings(1, "cpu", null), null, CancellationToken.None);
        Assert.True(trained.LearningCurve[^1].Loss < trained.LearningCurve[0].Loss, "the training loss did not fall");
        var judgement = Judge(_ => trained, seeds: 1);
        Assert.True(judgement.References.Single(r => r.Learner == "gradient_descent").SensitivityCosine.Mean > 0.9, judgement.Explanation);
    }
}
