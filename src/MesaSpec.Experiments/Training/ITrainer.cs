using MesaSpec.Gridworld;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Training;

/// <summary>Settings that are not part of a spec's meaning: they change speed, never results (for a fixed thread count).</summary>
public sealed record TrainingSettings(int Threads, string Device, string? CheckpointDirectory)
{
    /// <summary>Weights the model starts from instead of a fresh initialisation (<c>--resume-from</c>); null: fresh.</summary>
    public string? InitialCheckpoint { get; init; }

    /// <summary>Hands the model, as it is at regular points of training, to an observer (scores over training); null: none.</summary>
    public TrainingSnapshots? Snapshots { get; init; }
}

/// <summary>
/// At step 0, at the first update boundary at or after every multiple of <see cref="Every"/> training steps (over
/// all phases), and at the end, the trainer calls <see cref="Take"/> with the step and a policy acting with the
/// model's weights at that moment. The policy is valid only during the call, and acting with it draws from its
/// own stream (restarted at every snapshot, the final evaluation's), never from training's: training's results
/// are the same with or without snapshots.
/// </summary>
public sealed record TrainingSnapshots(long Every, Action<long, IPolicy> Take);

/// <summary>One progress tick of a training run.</summary>
public sealed record TrainingProgress(int Seed, long Step, long TotalSteps, double MeanEpisodeReturn, double StepsPerSecond)
{
    /// <summary>Supervised training (experiments on tasks) reports its mean training loss here instead of a return.</summary>
    public double? Loss { get; init; }
}

/// <summary>A point of the learning curve: mean return of episodes finished around <see cref="Step"/>.</summary>
public sealed record LearningCurvePoint(long Step, double MeanReturn, double? Loss);

/// <summary>A policy acting on a batch of environments at once.</summary>
public interface IPolicy
{
    /// <summary>Chooses one action per episode of <paramref name="environment"/>.</summary>
    void Act(IVectorEnvironment environment, Span<int> actions);
}

/// <summary>
/// A policy with memory that can think before it acts (Taufeeque et al. 2024): <see cref="Thinking"/> is the same
/// policy processing each episode's first observation <c>steps</c> more times before its first action, so a
/// learned planner has that many more steps to plan. A policy without memory has nothing to think with and does
/// not implement it (thinking then changes nothing, the control a feed-forward model provides).
/// </summary>
public interface IThinkingPolicy : IPolicy
{
    IPolicy Thinking(int steps);
}

/// <summary>A trained model, usable as a policy; owns native memory until disposed.</summary>
public interface ITrainedPolicy : IPolicy, IDisposable
{
    IReadOnlyList<LearningCurvePoint> LearningCurve { get; }

    /// <summary>Path of the saved weights, when a checkpoint directory was given (the final phase's).</summary>
    string? CheckpointPath { get; }

    /// <summary>The checkpoint each training phase saved, in order (null entries without a checkpoint directory).</summary>
    IReadOnlyList<string?> PhaseCheckpoints => [CheckpointPath];

    /// <summary>
    /// The environment steps training took over every phase: an algorithm trains whole rollouts, so a little more than
    /// the budget (300k steps in rollouts of 1,024 train 301,056). Null for a policy that cannot say; the report then
    /// gives the budget.
    /// </summary>
    long? StepsTrained => null;

    /// <summary>
    /// Acts from now on exactly as right after training: its sampling stream restarted and any memory cleared, so
    /// one trained model evaluated at several sweep points gives each point the numbers a freshly trained copy would.
    /// </summary>
    void RestartActing();
}

/// <summary>
/// Builds training environments for the trainer: <paramref name="count"/> parallel episodes whose levels come from
/// <paramref name="distribution"/> (one environment, or a mixture), rewarded by <paramref name="objective"/>, seeded by <paramref name="seed"/>.
/// </summary>
public delegate IVectorEnvironment EnvironmentFactory(TrainingDistribution distribution, ObjectiveModel objective, int count, int seed);

/// <summary>The base optimizer: trains a model (the would-be mesa-optimizer) on the base objective.</summary>
public interface ITrainer
{
    /// <summary>
    /// Trains <paramref name="spec"/>'s model through its phases, each from the weights the one before left, on its own
    /// distribution and objective (<paramref name="baseObjective"/> unless the phase names another). Throws
    /// <see cref="TrainingFailedException"/> for NaN/infinite losses and <see cref="OperationCanceledException"/> on cancellation.
    /// </summary>
    ITrainedPolicy Train(
        TrainedPolicy spec,
        ObjectiveModel baseObjective,
        int seed,
        EnvironmentFactory environments,
        TrainingSettings settings,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken);
}

/// <summary>Training diverged or could not proceed; the message names the step and seed.</summary>
public sealed class TrainingFailedException(string message) : Exception(message);
