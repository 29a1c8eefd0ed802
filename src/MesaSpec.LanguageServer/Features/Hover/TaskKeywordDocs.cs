using MesaSpec.Language.Model;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.LanguageServer.Features.Hover;

/// <summary>What the words of tasks and of their verdicts mean (in-context learning as mesa-optimization); part of <see cref="KeywordDocs.All"/>.</summary>
internal static class TaskKeywordDocs
{
    public static IEnumerable<KeyValuePair<string, string>> Entries =>
    [
        new("task", "**task**: a distribution of in-context regression prompts (context pairs and a query). A model trained on a task and compared with reference learners answers the paper's first question: is the learned model itself an optimizer (von Oswald et al. 2023)?"),
        new("family", "**family** linear | tanh: how a prompt's weights w ~ N(0, I) label its inputs: y = w·x, or y = tanh(w·x), plus noise."),
        new("dimension", "**dimension** N: coordinates of every input; a model's input size, so evaluation tasks keep it."),
        new("context", "**context** N: context pairs (x_i, y_i) per prompt, from which the model predicts the query's target."),
        new("noise", "**noise** σ: standard deviation of the normal noise added to every target; the ridge reference uses the penalty σ²."),
        new("inputs", "**inputs** uniform(scale: s) | gaussian(scale: s): how each input coordinate is drawn. A larger scale than in training is a distributional shift."),
        new(VerdictWords.Word(Verdict.MesaOptimizer), "**mesa_optimizer**(learner): the model trained on a task implements a reference learner in context: its sensitivity to the query and its predictions agree with that learner's to the threshold, and its sensitivity agrees significantly better than with every other reference learner. `mesa_optimizer(gradient_descent)`, one step of gradient descent, is von Oswald et al.'s result: a learned optimizer whose mesa-objective is the context's squared loss."),
        new(LearnerWords.Word(ReferenceLearner.GradientDescent), "**gradient_descent**: one step of gradient descent on the context's squared loss from w = 0, learning rate fitted on training prompts."),
        new(LearnerWords.Word(ReferenceLearner.MultiStepGradientDescent), $"**gradient_descent_steps**: {LearnerWords.MultiStepCount} steps of gradient descent on the context's squared loss, one learning rate fitted on training prompts."),
        new(LearnerWords.Word(ReferenceLearner.Ridge), "**ridge**: ridge regression on the context with the penalty noise² (the Bayes-optimal learner of a linear task; minimum-norm least squares at noise 0)."),
        .. TaskWords.Families.Concat(TaskWords.Inputs).Select(w => new KeyValuePair<string, string>(w, $"**{w}**: {TaskWords.Doc(w)}.")),
    ];
}
