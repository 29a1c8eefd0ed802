using System.Globalization;
using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Models;
using TorchSharp;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// The TorchSharp base optimizer: trains the spec's actor-critic model (<c>mlp</c>, <c>cnn</c>) with its
/// on-policy algorithm (<c>ppo</c>, <c>a2c</c>). A run is a function of the seed and the thread count: the
/// seed fixes the initial weights (torch's generator), the environment seed and the run's own generator for
/// action sampling and minibatch order.
/// </summary>
public sealed class TorchTrainer : ITrainer, Experiments.InContext.IInContextTrainer
{
    /// <summary>Experiments on tasks: supervised training of an in-context model (<see cref="InContext.InContextTrainer"/>).</summary>
    public Experiments.InContext.ITrainedInContextLearner Train(
        TaskTrainedModel spec, int seed, TrainingSettings settings, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) =>
        new InContext.InContextTrainer().Train(spec, seed, settings, progress, cancellationToken);

    public ITrainedPolicy Train(
        TrainedPolicy spec,
        ObjectiveModel baseObjective,
        int seed,
        EnvironmentFactory environments,
        TrainingSettings settings,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var algorithm = OnPolicySettings.From(spec.Algorithm);
        var device = TorchGlobalState.Device(settings.Device);
        TorchGlobalState.UseThreads(settings.Threads);

        var seeds = new Random(seed);
        var environment = environments(spec.Environment, baseObjective, algorithm.Envs, seeds.Next());
        if (environment.Count != algorithm.Envs)
        {
            throw new InvalidOperationException($"the environment factory built {environment.Count} episodes, {algorithm.Envs} were asked for");
        }
        var shape = environment.ObservationShape;
        var model = TorchGlobalState.Seeded(seed, () => ActorCriticFactory.Create(spec.Model, shape, environment.ActionCount));
        try
        {
            model.to(device);
            using var run = new OnPolicyRun(model, environment, algorithm, device, seed, new Random(seeds.Next()));
            run.Run(progress, cancellationToken);
            var checkpoint = SaveCheckpoint(model, spec, seed, settings.CheckpointDirectory);
            return new ActorCriticPolicy(model, shape, environment.ActionCount, device, run.LearningCurve, checkpoint, seed);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Saves the weights (TorchSharp's format, <c>module.load</c> reads them back); null without a directory.</summary>
    private static string? SaveCheckpoint(ActorCritic model, TrainedPolicy spec, int seed, string? directory)
    {
        if (string.IsNullOrEmpty(directory))
        {
            return null;
        }
        Directory.CreateDirectory(directory);
        var name = string.Create(CultureInfo.InvariantCulture, $"{spec.Environment.Name}-{spec.Model.Name}-{spec.Algorithm.Name}-seed{seed}.dat");
        var path = Path.Combine(directory, string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c)));
        model.save(path);
        return path;
    }
}
