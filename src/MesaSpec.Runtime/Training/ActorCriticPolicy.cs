using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Gridworld.Randomness;
using MesaSpec.Runtime.Models;
using MesaSpec.Runtime.Models.Recurrent;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// A trained actor-critic acting as it was trained: each episode samples its action from the policy's
/// distribution. Greedy (argmax) evaluation was tried first and rejected: a partly trained policy with a
/// deterministic choice gets caught between two cells of a maze for the rest of the episode, so it scored at
/// the random baseline while the same weights reached the goal in a third of training episodes. Sampling uses
/// the gridworld's own seeded generator (salted by the training seed), so an evaluation is still a
/// deterministic function of the weights, the levels and the seed. A recurrent model carries one memory per
/// episode of the environment it acts in, reset where <see cref="IVectorEnvironment.StepIndex"/> is 0 (and for
/// every episode when it is handed another environment).
/// </summary>
public sealed partial class ActorCriticPolicy : ITrainedPolicy, IPreferringPolicy, IInspectablePolicy, IThinkingPolicy
{
    private readonly ActorCritic model;
    private readonly ObservationShape shape;
    private readonly int actionCount;
    private readonly Device device;
    private float[] observations = [];
    private long[] dimensions = [0, 0, 0, 0];
    private bool disposed;
    private DeterministicRandom random;
    private RecurrentState? memory;
    private IVectorEnvironment? memoryOf;
    private float[] keep = [];
    private readonly int seed;

    internal ActorCriticPolicy(
        ActorCritic model,
        ObservationShape shape,
        int actionCount,
        Device device,
        IReadOnlyList<LearningCurvePoint> learningCurve,
        string? checkpointPath,
        int seed,
        IReadOnlyList<string?>? phaseCheckpoints = null)
    {
        this.seed = seed;
        PhaseCheckpoints = phaseCheckpoints ?? [checkpointPath];
        random = EvaluationStream(seed);
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

    /// <summary>Every phase's updates times its batch: what the trainer ran, not the budget it rounded up.</summary>
    public long? StepsTrained { get; init; }

    /// <summary>A recurrent model's memory after its last step (one row per episode), for tests.</summary>
    internal RecurrentState? Memory => memory;

    public IReadOnlyList<string?> PhaseCheckpoints { get; }

    /// <summary>The network, for inspection and tests (e.g. comparing weights across runs).</summary>
    public ActorCritic Model => model;

    /// <summary>Whether disposing the policy disposes the model: not for a view of a model still in training (a snapshot).</summary>
    internal bool OwnsModel { get; init; } = true;

    public void Act(IVectorEnvironment environment, Span<int> actions) => Act(environment, actions, thinking: 0);

    public void RestartActing()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        random = EvaluationStream(seed);
        memory?.Dispose();
        memory = null;
        memoryOf = null;
    }

    /// <summary>This policy thinking <paramref name="steps"/> steps on each episode's first observation; the same as itself without memory.</summary>
    public IPolicy Thinking(int steps) => model is RecurrentActorCritic && steps > 0 ? new ThinkingView(this, steps) : this;

    private void Act(IVectorEnvironment environment, Span<int> actions, int thinking)
    {
        using var scope = NewDisposeScope();
        var probabilities = Probabilities(environment, actions, advance: true, thinking).cpu().data<float>();
        for (var e = 0; e < environment.Count; e++)
        {
            actions[e] = Sample(probabilities, e * actionCount);
        }
    }

    /// <summary>
    /// The action distribution and the critic's value of each episode, for the report's vector fields and value
    /// maps; consumes no randomness, and a recurrent model answers from an empty memory (an episode's first step)
    /// without keeping it.
    /// </summary>
    public void Preferences(IVectorEnvironment environment, Span<float> probabilities, Span<float> values)
    {
        var count = environment.Count;
        if (probabilities.Length < count * actionCount || values.Length < count)
        {
            throw new ArgumentException(
                $"room for {probabilities.Length} probabilities and {values.Length} values, but {count} episodes of {actionCount} actions need {count * actionCount} and {count}");
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (logits, value) = model.forward(Observation(environment, count));
        logits.softmax(-1).cpu().data<float>().CopyTo(probabilities[..(count * actionCount)]);
        value.reshape(count).cpu().data<float>().CopyTo(values[..count]);
    }

    /// <summary>The action distribution of every episode, as a tensor owned by the caller's dispose scope.</summary>
    private Tensor Probabilities(IVectorEnvironment environment, Span<int> actions, bool advance, int thinking)
    {
        var input = Observation(environment, actions.Length);
        using var noGrad = no_grad();
        if (!advance || model is not RecurrentActorCritic recurrent)
        {
            return model.forward(input).Logits.softmax(-1);
        }
        var state = Remembered(environment, recurrent, input);
        if (thinking > 0 && keep.Contains(0f))
        {
            // Episodes that start here think on their first observation; the others keep their memory.
            var starting = tensor(keep.Select(k => 1f - k).ToArray(), device: device);
            for (var t = 0; t < thinking; t++)
            {
                state = recurrent.Step(input, state).Next.Where(starting, state);
            }
        }
        var (logits, _, next) = recurrent.Step(input, state);
        memory!.Dispose();
        memory = next.Keep();
        return logits.softmax(-1);
    }

    /// <summary>
    /// The environment's observation of every episode as the model's input, after checking that the model can read
    /// it and that <paramref name="room"/> (the caller's buffer) holds an answer per episode.
    /// </summary>
    private Tensor Observation(IVectorEnvironment environment, int room)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var observed = environment.ObservationShape;
        if (!Fits(observed) || environment.ActionCount != actionCount)
        {
            throw new ArgumentException(
                $"the policy was trained on observations {Describe(shape)} with {actionCount} actions, but this environment has " +
                $"{Describe(observed)} with {environment.ActionCount}: evaluate on environments of the training grid size and item kinds" +
                (model.AnyGridSize ? "" : ", or use a model that accepts any grid size"),
                nameof(environment));
        }
        if (room < environment.Count)
        {
            throw new ArgumentException($"room for {room} actions, but the environment runs {environment.Count} episodes", nameof(room));
        }
        var count = environment.Count;
        if (observations.Length != count * observed.Size || dimensions[2] != observed.Height || dimensions[3] != observed.Width)
        {
            observations = new float[count * observed.Size];
            dimensions = [count, observed.Channels, observed.Height, observed.Width];
        }
        environment.Observe(observations);
        return tensor(observations, dimensions, device: device);
    }

    /// <summary>
    /// The channels must be the training ones (the experiment's shared layout gives every environment the same);
    /// another grid size only for a network with nothing of the grid's size in it (<see cref="ActorCritic.AnyGridSize"/>).
    /// </summary>
    private bool Fits(ObservationShape observed) =>
        observed == shape || (observed.Channels == shape.Channels && model.AnyGridSize);

    /// <summary>Each episode's memory so far: empty where it starts, and for all of them in a new environment.</summary>
    private RecurrentState Remembered(IVectorEnvironment environment, RecurrentActorCritic recurrent, Tensor input)
    {
        var count = environment.Count;
        if (!ReferenceEquals(memoryOf, environment) || memory is null || memory.Hidden.shape[0] != count)
        {
            memory?.Dispose();
            memory = recurrent.InitialState(input).Keep();
            memoryOf = environment;
        }
        if (keep.Length != count)
        {
            keep = new float[count];
        }
        for (var e = 0; e < count; e++)
        {
            keep[e] = environment.StepIndex(e) == 0 ? 0f : 1f;
        }
        return memory.Masked(tensor(keep, device: device));
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            memory?.Dispose();
            if (OwnsModel)
            {
                model.Dispose();
            }
        }
    }

    private const ulong EvaluationSalt = 0x6576616C5F706F6CUL; // "eval_pol"

    /// <summary>The stream acting draws from, as it is when training hands the model over.</summary>
    private static DeterministicRandom EvaluationStream(int seed) => DeterministicRandom.For(seed, 0, EvaluationSalt);

    /// <summary>Inverse-CDF sampling; the last action absorbs rounding so a choice is always made.</summary>
    private int Sample(TorchSharp.Utils.TensorAccessor<float> probabilities, int offset)
    {
        var u = random.NextDouble();
        for (var a = 0; a < actionCount - 1; a++)
        {
            u -= probabilities[offset + a];
            if (u < 0)
            {
                return a;
            }
        }
        return actionCount - 1;
    }

    private static string Describe(ObservationShape s) => $"{s.Channels}x{s.Height}x{s.Width}";

    /// <summary>The policy acting with thinking steps (<see cref="IThinkingPolicy"/>); it shares the policy's memory and generator.</summary>
    private sealed class ThinkingView(ActorCriticPolicy policy, int steps) : IPolicy
    {
        public void Act(IVectorEnvironment environment, Span<int> actions) => policy.Act(environment, actions, steps);
    }
}
