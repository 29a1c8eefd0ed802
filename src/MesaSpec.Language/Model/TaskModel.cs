using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Language.Model;

/// <summary>
/// A distribution of in-context regression prompts (<c>task</c>): each prompt draws weights w ~ N(0, I),
/// <see cref="Context"/> inputs of <see cref="Dimension"/> coordinates and a query, and labels them with
/// <see cref="Family"/> plus normal noise of standard deviation <see cref="Noise"/>. <see cref="DisplayName"/> is
/// the reference as written (<c>Regression(scale: 2)</c>).
/// </summary>
public sealed record TaskModel(
    string Name,
    string DisplayName,
    TaskFamily Family,
    int Dimension,
    int Context,
    double Noise,
    InputDistribution Inputs,
    double InputScale)
{
    /// <summary>"linear, d=10, 10 context pairs, noise 0, inputs uniform(scale: 1)".</summary>
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{TaskWords.Word(Family)}, d={Dimension}, {Context} context pairs, noise {Noise:G}, inputs {TaskWords.Word(Inputs)}(scale: {InputScale:G})");

    /// <summary>Same distribution (the names may differ).</summary>
    public bool SameDistribution(TaskModel other) =>
        Family == other.Family && Dimension == other.Dimension && Context == other.Context && Noise == other.Noise
        && Inputs == other.Inputs && InputScale == other.InputScale;
}

/// <summary>An <c>evaluate on</c> task with the number of prompts drawn per seed.</summary>
public sealed record TaskEvaluationModel(TaskModel Task, int Prompts);

/// <summary>A model trained by a supervised algorithm on a task's prompts: an in-context learner to be compared with reference learners.</summary>
public sealed record TaskTrainedModel(TaskModel Task, ComponentModel Model, ComponentModel Algorithm) : PolicySource;

/// <summary>
/// A reference learner in place of the model trained on <paramref name="Task"/> (the reduced snapshot of a task
/// experiment): exercises the whole measurement without training.
/// </summary>
public sealed record ReferenceLearnerPolicy(ReferenceLearner Learner, TaskModel Task) : PolicySource;
