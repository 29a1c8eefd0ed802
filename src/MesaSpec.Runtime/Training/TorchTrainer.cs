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
        var device = TorchGlobalState.Device(settings.Device);
        TorchGlobalState.UseThreads(settings.Threads);

        // One generator per seed hands out each phase's environment seed and run generator in turn, so a single
        // phase draws exactly what training drew before phases existed.
        var seeds = new Random(seed);
        var totalSteps = spec.Phases.Sum(p => OnPolicySettings.From(p.Algorithm) is var a ? a.Updates * a.BatchSize : 0);
        ActorCritic? model = null;
        var curve = new List<LearningCurvePoint>();
        var checkpoints = new List<string?>();
        var done = 0L;
        var built = default(Gridworld.ObservationShape);
        var actions = 0;
        var snapshots = new SnapshotSchedule(settings.Snapshots, device, seed);
        try
        {
            for (var index = 0; index < spec.Phases.Count; index++)
            {
                var phase = spec.Phases[index];
                var algorithm = OnPolicySettings.From(phase.Algorithm);
                var environment = environments(phase.Distribution, phase.Objective ?? baseObjective, algorithm.Envs, seeds.Next());
                if (environment.Count != algorithm.Envs)
                {
                    throw new InvalidOperationException($"the environment factory built {environment.Count} episodes, {algorithm.Envs} were asked for");
                }
                var shape = environment.ObservationShape;
                if (model is null)
                {
                    model = TorchGlobalState.Seeded(seed, () => ActorCriticFactory.Create(spec.Model, shape, environment.ActionCount));
                    model.to(device);
                    (built, actions) = (shape, environment.ActionCount);
                    if (settings.InitialCheckpoint is { } resumeFrom)
                    {
                        Resume(model, resumeFrom, seed);
                    }
                    snapshots.At(0, model, shape, actions);
                }
                else if ((shape != built && !(model.AnyGridSize && shape.Channels == built.Channels)) || environment.ActionCount != actions)
                {
                    // The binder refuses such a phase (MS3041); a plugin environment could still get here.
                    throw new TrainingFailedException($"phase {index + 1} observes {shape}, but the model was built for {built} (seed {seed})");
                }
                model.train();
                var offset = done;
                using var shards = Sharded(model, algorithm, settings.Threads,
                    () => TorchGlobalState.Seeded(seed, () => ActorCriticFactory.Create(spec.Model, built, actions)).to(device));
                using var run = new OnPolicyRun(model, environment, algorithm, device, seed, new Random(seeds.Next()), shards);
                var trained = model;
                run.Run(progress is null ? null : new OffsetProgress(progress, offset, totalSteps), cancellationToken,
                    step => snapshots.At(offset + step, trained, shape, actions));
                curve.AddRange(run.LearningCurve.Select(c => c with { Step = c.Step + offset }));
                done += algorithm.Updates * algorithm.BatchSize;
                checkpoints.Add(SaveCheckpoint(model, spec, index, seed, settings.CheckpointDirectory));
            }
            snapshots.AtEnd(done, model!, built, actions);
            return new ActorCriticPolicy(model!, built, actions, device, curve, checkpoints[^1], seed, checkpoints) { StepsTrained = done };
        }
        catch
        {
            model?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// How a phase's minibatches use the threads asked for: split across them (<see cref="ShardedGradients"/>, with
    /// LibTorch's own threads off) where the model and minibatch allow; otherwise, null, LibTorch's intra-op threads.
    /// </summary>
    private static ShardedGradients? Sharded(ActorCritic model, OnPolicySettings algorithm, int threads, Func<ActorCritic> copy)
    {
        var count = ShardedGradients.ShardsFor(model, threads, algorithm.BatchSize / algorithm.Minibatches);
        TorchGlobalState.UseThreads(count > 1 ? 1 : threads);
        return count > 1 ? ShardedGradients.Create(model, count, copy) : null;
    }

    /// <summary>Loads the weights a run resumes from; a missing file or another model's weights fail the run with the reason.</summary>
    private static void Resume(ActorCritic model, string checkpoint, int seed)
    {
        if (!File.Exists(checkpoint))
        {
            throw new TrainingFailedException($"cannot resume seed {seed} from {checkpoint}: the file does not exist");
        }
        try
        {
            model.load(checkpoint);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TrainingFailedException($"cannot resume seed {seed} from {checkpoint}: {e.Message} (a checkpoint of another model, or of another observation size?)");
        }
    }

    /// <summary>A later phase's progress counts on from the steps of the phases before it.</summary>
    private sealed class OffsetProgress(IProgress<TrainingProgress> inner, long offset, long total) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(value with { Step = value.Step + offset, TotalSteps = total });
    }

    /// <summary>
    /// Saves the weights a phase left (TorchSharp's format, <c>module.load</c> reads them back); null without a directory.
    /// A single phase keeps the name it always had; later phases of several add <c>-phaseN</c>, so every phase's weights stay.
    /// </summary>
    private static string? SaveCheckpoint(ActorCritic model, TrainedPolicy spec, int phase, int seed, string? directory)
    {
        if (string.IsNullOrEmpty(directory))
        {
            return null;
        }
        Directory.CreateDirectory(directory);
        var trainedOn = spec.Phases[phase];
        var suffix = spec.Phases.Count == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"-phase{phase + 1}");
        var name = string.Create(CultureInfo.InvariantCulture, $"{trainedOn.Distribution.Representative.Name}-{spec.Model.Name}-{trainedOn.Algorithm.Name}{suffix}-seed{seed}.dat");
        var path = Path.Combine(directory, string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c)));
        model.save(path);
        return path;
    }
}
