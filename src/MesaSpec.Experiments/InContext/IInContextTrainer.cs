using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.InContext;

/// <summary>
/// The base optimizer of an experiment on a task: trains the model with its supervised algorithm on the training
/// task's prompts (<see cref="PromptSampler.Purpose.Training"/> stream of the seed) to predict each query's target.
/// </summary>
public interface IInContextTrainer
{
    /// <summary>Throws <see cref="TrainingFailedException"/> when the loss diverges and <see cref="OperationCanceledException"/> on cancellation.</summary>
    ITrainedInContextLearner Train(TaskTrainedModel spec, int seed, TrainingSettings settings, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken);
}
