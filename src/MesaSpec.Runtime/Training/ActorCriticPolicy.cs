using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Runtime.Models;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// A trained actor-critic acting greedily: each episode takes the action with the highest policy logit (the
/// first on ties). Greedy evaluation measures what the policy has learned to prefer, without sampling noise, so
/// an evaluation is a deterministic function of the weights and the levels; the small residual randomness a
/// stochastic policy keeps for exploration is not part of its objective.
/// </summary>
public sealed class ActorCriticPolicy : ITrainedPolicy
{
    private readonly ActorCritic model;
    private readonly ObservationShape shape;
    private readonly int actionCount;
    private readonly Device device;
    private float[] observations = [];
    private long[] dimensions = [];
    private bool disposed;

    internal ActorCriticPolicy(
        ActorCritic model,
        ObservationShape shape,
        int actionCount,
        Device device,
        IReadOnlyList<LearningCurvePoint> learningCurve,
        string? checkpointPath)
    {
        this.model = model;
        this.shape = shape;
        this.actionCount = actionCount;
        this.device = device;
        LearningCurve = learningCurve;
        CheckpointPath = checkpointPath;
        model.eval();
    }

    public IReadOnlyList<LearningCurvePoint> LearningCurve { get; }

    public string? CheckpointPath { get; }

    /// <summary>The network, for inspection and tests (e.g. comparing weights across runs).</summary>
    public ActorCritic Model => model;

    public void Act(IVectorEnvironment environment, Span<int> actions)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (environment.ObservationShape != shape || environment.ActionCount != actionCount)
        {
            throw new ArgumentException(
                $"the policy was trained on observations {Describe(shape)} with {actionCount} actions, but this environment has " +
                $"{Describe(environment.ObservationShape)} with {environment.ActionCount}: evaluate on environments of the training grid size and item kinds",
                nameof(environment));
        }
        if (actions.Length < environment.Count)
        {
            throw new ArgumentException($"room for {actions.Length} actions, but the environment runs {environment.Count} episodes", nameof(actions));
        }
        var count = environment.Count;
        if (observations.Length != count * shape.Size)
        {
            observations = new float[count * shape.Size];
            dimensions = [count, shape.Channels, shape.Height, shape.Width];
        }
        environment.Observe(observations);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (logits, _) = model.forward(tensor(observations, dimensions, device: device));
        var chosen = logits.argmax(-1).cpu().data<long>();
        for (var e = 0; e < count; e++)
        {
            actions[e] = (int)chosen[e];
        }
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            model.Dispose();
        }
    }

    private static string Describe(ObservationShape s) => $"{s.Channels}x{s.Height}x{s.Width}";
}
