namespace MesaSpec.Experiments.InContext;

/// <summary>
/// One in-context regression prompt: <see cref="Context"/> pairs (x_i, y_i), x_i in R^d stored row by row in
/// <see cref="Inputs"/>, and a query x with its target. A learner predicts the query's target from the pairs.
/// </summary>
public sealed record Prompt(int Dimension, double[] Inputs, double[] Targets, double[] Query, double QueryTarget)
{
    public int Context => Targets.Length;

    /// <summary>The same context with another query (for sensitivities).</summary>
    public Prompt WithQuery(double[] query) => this with { Query = query };
}

/// <summary>An in-context learner: predicts each prompt's query target from its context alone.</summary>
public interface IInContextLearner
{
    /// <summary>One prediction per prompt, in order.</summary>
    double[] Predict(IReadOnlyList<Prompt> prompts);
}

/// <summary>A trained model: an in-context learner that owns native memory until disposed.</summary>
public interface ITrainedInContextLearner : IInContextLearner, IDisposable
{
    /// <summary>Training loss (mean squared error of the query) at points of training.</summary>
    IReadOnlyList<Training.LearningCurvePoint> LearningCurve { get; }
}
