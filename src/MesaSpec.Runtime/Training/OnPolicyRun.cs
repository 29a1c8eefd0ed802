using System.Diagnostics;
using System.Globalization;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Runtime.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// One seeded training run of an actor-critic with PPO or A2C: alternately collects a rollout from the vector
/// environment and updates the model on it. Every rollout step and every update runs in its own dispose scope,
/// so the live tensor count returns to the same level after each update.
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

    public OnPolicyRun(ActorCritic model, IVectorEnvironment environment, OnPolicySettings settings, Device device, int seed, Random random)
    {
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
    }

    public IReadOnlyList<LearningCurvePoint> LearningCurve => curve;

    public void Run(IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
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
            using (NewDisposeScope())
            using (no_grad())
            {
                var (logits, values) = model.forward(ObservationTensor());
                nn.functional.log_softmax(logits, -1).data<float>().CopyTo(logProbabilities);
                values.data<float>().CopyTo(buffer.Values.AsSpan(t * envs, envs));
            }
            for (var e = 0; e < envs; e++)
            {
                var i = t * envs + e;
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
            }
            environment.Observe(current);
        }

        using (NewDisposeScope())
        using (no_grad())
        {
            var (_, lastValues) = model.forward(ObservationTensor());
            lastValues.data<float>().CopyTo(buffer.LastValues);
        }
        buffer.ComputeAdvantages(settings.Gamma, settings.Lambda);
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
        var minibatchSize = buffer.Count / settings.Minibatches;
        double lossSum = 0;
        var lossCount = 0;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            Shuffle();
            for (var m = 0; m < settings.Minibatches; m++)
            {
                using var minibatchScope = NewDisposeScope();
                var size = m == settings.Minibatches - 1 ? buffer.Count - m * minibatchSize : minibatchSize;
                var indices = tensor(order[(m * minibatchSize)..(m * minibatchSize + size)], device: device);
                var (logits, values) = model.forward(observations.index_select(0, indices));
                var loss = OnPolicyLoss.Compute(
                    settings,
                    lossScalars,
                    logits,
                    values,
                    allActions.index_select(0, indices),
                    oldLogProbabilities.index_select(0, indices),
                    advantages.index_select(0, indices),
                    returns.index_select(0, indices));
                var lossValue = loss.item<float>();
                if (!float.IsFinite(lossValue))
                {
                    throw new TrainingFailedException(string.Create(CultureInfo.InvariantCulture,
                        $"{RuntimeErrors.Diverged}: {settings.Algorithm} training diverged: the loss became {lossValue} at step {step} (seed {seed})"));
                }
                optimizer.ZeroGrad();
                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters(), settings.MaxGradNorm);
                optimizer.Step();
                lossSum += lossValue;
                lossCount++;
            }
        }
        return lossSum / lossCount;
    }

    /// <summary>A fresh permutation of the rollout's indices (Fisher-Yates with the run's own generator).</summary>
    private void Shuffle()
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    public void Dispose()
    {
        optimizer.Dispose();
        lossScalars.Dispose();
    }
}
