using System.Diagnostics;
using MesaSpec.Experiments.InContext;
using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.InContext;

/// <summary>
/// Supervised training on a task: every step draws a fresh batch of the seed's training prompts and takes one
/// Adam step on the mean squared error of the query predictions. The seed fixes the initial weights (torch's
/// generator, under <see cref="TorchGlobalState"/>) and the prompts (<see cref="PromptSampler"/>).
/// </summary>
public sealed class InContextTrainer : IInContextTrainer
{
    /// <summary>Points of the learning curve (mean loss over each stretch of steps).</summary>
    private const int CurvePoints = 50;

    public ITrainedInContextLearner Train(TaskTrainedModel spec, int seed, TrainingSettings settings, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var algorithm = InContextFactory.Settings(spec.Algorithm);
        var device = TorchGlobalState.Device(settings.Device);
        TorchGlobalState.UseThreads(settings.Threads);
        var network = TorchGlobalState.Seeded(seed, () => InContextFactory.Create(spec.Model, spec.Task.Dimension));
        try
        {
            network.to(device);
            var curve = Run(network, spec.Task, algorithm, seed, device, progress, cancellationToken);
            return new TrainedInContextModel(network, device, curve);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static List<LearningCurvePoint> Run(InContextNetwork network, TaskModel task, SupervisedSettings algorithm, int seed, Device device,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        using var optimizer = new AdamOptimizer(network.parameters(), algorithm.LearningRate);
        var curve = new List<LearningCurvePoint>();
        var every = Math.Max(1, algorithm.Steps / CurvePoints);
        var clock = Stopwatch.StartNew();
        double stretch = 0;
        var stretchSteps = 0;
        for (long step = 0; step < algorithm.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var prompts = PromptSampler.Sample(task, seed, PromptSampler.Purpose.Training, step * algorithm.Batch, algorithm.Batch);
            double loss;
            using (var scope = NewDisposeScope())
            {
                optimizer.ZeroGrad();
                var error = network.forward(InContextNetwork.Tokens(prompts, device)) - InContextNetwork.Targets(prompts, device);
                var mse = error.square().mean();
                mse.backward();
                loss = mse.item<float>();
                if (!double.IsFinite(loss))
                {
                    throw new TrainingFailedException($"{RuntimeErrors.Diverged}: the loss of {algorithm.Algorithm} became {loss} at step {step} (seed {seed}); lower the learning rate");
                }
                optimizer.Step();
            }
            stretch += loss;
            stretchSteps++;
            if ((step + 1) % every == 0 || step + 1 == algorithm.Steps)
            {
                var mean = stretch / stretchSteps;
                curve.Add(new LearningCurvePoint(step + 1, -mean, mean));
                progress?.Report(new TrainingProgress(seed, step + 1, algorithm.Steps, -mean, (step + 1) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9)) { Loss = mean });
                stretch = 0;
                stretchSteps = 0;
            }
        }
        return curve;
    }
}
