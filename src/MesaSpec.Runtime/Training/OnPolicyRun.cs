using System.Diagnostics;
using System.Globalization;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Runtime.Models;
using MesaSpec.Runtime.Models.Recurrent;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// One seeded training run of an actor-critic with PPO or A2C: alternately collects a rollout from the vector
/// environment and updates the model on it. Every rollout step and every update runs in its own dispose scope,
/// so the live tensor count returns to the same level after each update. A recurrent model carries its memory
/// through the rollout (reset where an episode starts) and is updated on whole sequences: each minibatch is a
/// group of environments replayed step by step from the memory they had when the rollout began, so gradients
/// flow back through time within the rollout (truncated backpropagation through time).
/// </summary>
internal sealed class OnPolicyRun : IDisposable
{
    private readonly ActorCritic model;
    private readonly IVectorEnvironment environment;
    private readonly OnPolicySettings settings;
    private readonly Device device;
    private readonly int seed;
    private readonly Random random;
    private readonly RolloutBuffer buffer;
    private readonly EpisodeReturns episodes;
    private readonly AdamOptimizer optimizer;
    private readonly LossScalars lossScalars;
    private readonly long[] observationDimensions;
    private readonly long[] batchDimensions;
    private readonly float[] logProbabilities;
    private readonly int[] actions;
    private readonly float[] rewards;
    private readonly bool[] dones;
    private readonly bool[] truncated;
    private readonly float[] current;
    private readonly long[] order;
    private readonly List<LearningCurvePoint> curve = [];
    private readonly RecurrentActorCritic? recurrent;
    private readonly float[] keep;
    private RecurrentState? memory;
    private RecurrentState? rolloutStart;
    private readonly ShardedGradients? shards;

    /// <param name="shards">Where a minibatch's gradient is computed on several threads; null: on the calling thread.</param>
    public OnPolicyRun(ActorCritic model, IVectorEnvironment environment, OnPolicySettings settings, Device device, int seed, Random random, ShardedGradients? shards = null)
    {
        this.shards = shards;
        this.model = model;
        this.environment = environment;
        this.settings = settings;
        this.device = device;
        this.seed = seed;
        this.random = random;
        var shape = environment.ObservationShape;
        buffer = new RolloutBuffer(settings.Rollout, settings.Envs, shape.Size);
        episodes = new EpisodeReturns(settings.Envs);
        optimizer = new AdamOptimizer(model.parameters(), settings.LearningRate, epsilon: 1e-5);
        lossScalars = new LossScalars(settings);
        observationDimensions = [settings.Envs, shape.Channels, shape.Height, shape.Width];
        batchDimensions = [buffer.Count, shape.Channels, shape.Height, shape.Width];
        logProbabilities = new float[settings.Envs * environment.ActionCount];
        actions = new int[settings.Envs];
        rewards = new float[settings.Envs];
        dones = new bool[settings.Envs];
        truncated = new bool[settings.Envs];
        current = new float[settings.Envs * shape.Size];
        order = new long[buffer.Count];
        recurrent = model as RecurrentActorCritic;
        keep = new float[settings.Envs]; // every episode starts with an empty memory
    }

    public IReadOnlyList<LearningCurvePoint> LearningCurve => curve;

    /// <param name="afterUpdate">Called after every update with the steps trained so far in this run.</param>
    public void Run(IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, Action<long>? afterUpdate = null)
    {
        var clock = Stopwatch.StartNew();
        var totalSteps = settings.Updates * settings.BatchSize;
        long step = 0;
        environment.Observe(current);
        for (var update = 0L; update < settings.Updates; update++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CollectRollout();
            step += settings.BatchSize;
            var loss = Update(step);
            if (episodes.TakeMeanSinceLast() is { } meanReturn)
            {
                curve.Add(new LearningCurvePoint(step, meanReturn, loss));
            }
            progress?.Report(new TrainingProgress(seed, step, totalSteps, episodes.RecentMean, step / Math.Max(clock.Elapsed.TotalSeconds, 1e-9)));
            afterUpdate?.Invoke(step);
        }
    }

    /// <summary>
    /// Steps every environment <see cref="OnPolicySettings.Rollout"/> times with actions sampled from the policy,
    /// starting from and leaving behind the latest observations in <c>current</c>.
    /// </summary>
    private void CollectRollout()
    {
        var envs = settings.Envs;
        var actionCount = environment.ActionCount;
        for (var t = 0; t < settings.Rollout; t++)
        {
            current.CopyTo(buffer.ObservationsAt(t));
            keep.CopyTo(buffer.Keep.AsSpan(t * envs, envs));
            using (NewDisposeScope())
            using (no_grad())
            {
                var (logits, values) = Act(ObservationTensor(), t == 0);
                nn.functional.log_softmax(logits, -1).data<float>().CopyTo(logProbabilities);
                values.data<float>().CopyTo(buffer.Values.AsSpan(t * envs, envs));
            }
            for (var e = 0; e < envs; e++)
            {
                var i = t * envs + e;
                buffer.Trains[i] = environment.TrainsOn(e) ? 1f : 0f; // asked before the step, which may start the next episode
                var action = Sample(logProbabilities.AsSpan(e * actionCount, actionCount));
                actions[e] = action;
                buffer.Actions[i] = action;
                buffer.LogProbabilities[i] = logProbabilities[e * actionCount + action];
            }
            environment.Step(actions, rewards, dones, truncated);
            episodes.Record(rewards, dones);
            for (var e = 0; e < envs; e++)
            {
                var i = t * envs + e;
                // A horizon cut is not a real end: the episode would have gone on. The gridworld has already
                // reset, so the next state's value is unknown; bootstrap with the value of the state the last
                // action was taken in, the closest estimate at hand.
                buffer.Rewards[i] = truncated[e] ? rewards[e] + (float)(settings.Gamma * buffer.Values[i]) : rewards[e];
                buffer.Ended[i] = dones[e];
                keep[e] = dones[e] ? 0f : 1f;
            }
            environment.Observe(current);
        }

        using (NewDisposeScope())
        using (no_grad())
        {
            var observations = ObservationTensor();
            var lastValues = recurrent is null ? model.forward(observations).Value : recurrent.Step(observations, memory!.Masked(tensor(keep, device: device))).Value;
            lastValues.data<float>().CopyTo(buffer.LastValues);
        }
        buffer.ComputeAdvantages(settings.Gamma, settings.Lambda);
    }

    /// <summary>
    /// The policy's logits and values for the latest observations; a recurrent model also advances its memory
    /// (kept outside the step's dispose scope), remembering the memory a rollout started from.
    /// </summary>
    private (Tensor Logits, Tensor Value) Act(Tensor observations, bool rolloutBegins)
    {
        if (recurrent is null)
        {
            return model.forward(observations);
        }
        memory ??= recurrent.InitialState(observations).Keep();
        if (rolloutBegins)
        {
            if (!ReferenceEquals(rolloutStart, memory))
            {
                rolloutStart?.Dispose();
            }
            rolloutStart = memory;
        }
        var (logits, values, next) = recurrent.Step(observations, memory.Masked(tensor(keep, device: device)));
        if (!ReferenceEquals(memory, rolloutStart))
        {
            memory.Dispose();
        }
        memory = next.Keep();
        return (logits, values);
    }

    private int Sample(ReadOnlySpan<float> logProbabilitiesOfEpisode)
    {
        var u = random.NextDouble();
        var cumulative = 0.0;
        for (var a = 0; a < logProbabilitiesOfEpisode.Length; a++)
        {
            cumulative += Math.Exp(logProbabilitiesOfEpisode[a]);
            if (u < cumulative)
            {
                return a;
            }
        }
        return logProbabilitiesOfEpisode.Length - 1;
    }

    /// <summary>The latest observations as a <c>[envs, C, H, W]</c> tensor (torch copies the array).</summary>
    private Tensor ObservationTensor() => tensor(current, observationDimensions, device: device);

    /// <summary>Runs the epochs of minibatch gradient steps on the rollout; returns the mean loss.</summary>
    private double Update(long step)
    {
        using var scope = NewDisposeScope();
        var observations = tensor(buffer.Observations, batchDimensions, device: device);
        var allActions = tensor(buffer.Actions, device: device);
        var oldLogProbabilities = tensor(buffer.LogProbabilities, device: device);
        var advantages = tensor(buffer.Advantages, device: device);
        var returns = tensor(buffer.Returns, device: device);
        var keepAll = tensor(buffer.Keep, device: device);
        var withheld = Array.IndexOf(buffer.Trains, 0f) >= 0;
        var trains = tensor(buffer.Trains, device: device);
        // A recurrent model's minibatches are groups of whole environment sequences, a feed-forward one's any steps.
        var minibatches = recurrent is null ? settings.Minibatches : Math.Min(settings.Minibatches, buffer.Envs);
        var minibatchSize = (recurrent is null ? buffer.Count : buffer.Envs) / minibatches;
        double lossSum = 0;
        var lossCount = 0;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            Shuffle(recurrent is null ? buffer.Count : buffer.Envs);
            for (var m = 0; m < minibatches; m++)
            {
                using var minibatchScope = NewDisposeScope();
                var total = recurrent is null ? buffer.Count : buffer.Envs;
                var size = m == minibatches - 1 ? total - m * minibatchSize : minibatchSize;
                var chosen = order.AsSpan(m * minibatchSize, size);
                var rows = recurrent is null ? chosen.ToArray() : SequenceIndices(chosen);
                var indices = tensor(rows, device: device);
                // Steps the environment withholds (a robust curriculum's fresh levels) weigh 0; without any, the loss is the plain one.
                var trained = withheld ? TrainedCount(rows) : rows.Length;
                if (withheld && trained == 0)
                {
                    continue;
                }
                var weights = withheld ? trains.index_select(0, indices) : null;
                var batchActions = allActions.index_select(0, indices);
                var batchOld = oldLogProbabilities.index_select(0, indices);
                var batchReturns = returns.index_select(0, indices);
                var prepared = OnPolicyLoss.PreparedAdvantages(settings, lossScalars, advantages.index_select(0, indices), weights, trained);
                Tensor LossOf(Tensor logits, Tensor values, int start, int length) => OnPolicyLoss.Compute(settings, lossScalars, logits, values,
                    batchActions.narrow(0, start, length), batchOld.narrow(0, start, length), prepared.narrow(0, start, length),
                    batchReturns.narrow(0, start, length), weights?.narrow(0, start, length), trained);
                optimizer.ZeroGrad();
                float lossValue;
                if (shards is null)
                {
                    Tensor logits, values;
                    if (recurrent is null)
                    {
                        (logits, values) = model.forward(observations.index_select(0, indices));
                    }
                    else
                    {
                        var sequenceKeep = keepAll.index_select(0, indices).reshape(buffer.Steps, size);
                        var initial = rolloutStart!.Select(tensor(chosen.ToArray(), device: device));
                        (logits, values) = recurrent.Unroll(observations.index_select(0, indices), initial, sequenceKeep);
                    }
                    var loss = LossOf(logits, values, 0, rows.Length);
                    lossValue = loss.item<float>();
                    ThrowIfDiverged(lossValue, step);
                    loss.backward();
                }
                else
                {
                    lossValue = shards.Backward(rows.Length, (net, start, length) =>
                    {
                        var (logits, values) = net.forward(observations.index_select(0, indices.narrow(0, start, length)));
                        return LossOf(logits, values, start, length);
                    });
                    ThrowIfDiverged(lossValue, step);
                }
                nn.utils.clip_grad_norm_(model.parameters(), settings.MaxGradNorm);
                optimizer.Step();
                shards?.Synchronise();
                lossSum += lossValue;
                lossCount++;
            }
        }
        // Every step withheld (a robust curriculum still filling its buffer): nothing was learnt, the loss is 0.
        return lossCount == 0 ? 0 : lossSum / lossCount;
    }

    private void ThrowIfDiverged(float lossValue, long step)
    {
        if (!float.IsFinite(lossValue))
        {
            throw new TrainingFailedException(string.Create(CultureInfo.InvariantCulture,
                $"{RuntimeErrors.Diverged}: {settings.Algorithm} training diverged: the loss became {lossValue} at step {step} (seed {seed})"));
        }
    }

    /// <summary>How many of the minibatch's rows the trainer learns from.</summary>
    private long TrainedCount(long[] rows)
    {
        var count = 0L;
        foreach (var row in rows)
        {
            count += buffer.Trains[row] > 0 ? 1 : 0;
        }
        return count;
    }

        /// <summary>A fresh permutation of 0..count-1 in <c>order</c> (Fisher-Yates with the run's own generator).</summary>
    private void Shuffle(int count)
    {
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>The rollout rows of the chosen environments, time-major: step t of environment j at <c>t * size + j</c>.</summary>
    private long[] SequenceIndices(ReadOnlySpan<long> environments)
    {
        var rows = new long[buffer.Steps * environments.Length];
        for (var t = 0; t < buffer.Steps; t++)
        {
            for (var j = 0; j < environments.Length; j++)
            {
                rows[t * environments.Length + j] = t * buffer.Envs + environments[j];
            }
        }
        return rows;
    }

    public void Dispose()
    {
        if (!ReferenceEquals(memory, rolloutStart))
        {
            memory?.Dispose();
        }
        rolloutStart?.Dispose();
        optimizer.Dispose();
        lossScalars.Dispose();
    }
}
