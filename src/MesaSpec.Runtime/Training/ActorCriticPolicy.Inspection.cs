using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Gridworld.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Training;

// Probes and steering: forward hooks on the trunk's layers (ActorCritic.ReadableLayers) read and shift activations.
public sealed partial class ActorCriticPolicy
{
    public int Layers => model.ReadableLayers.Count;

    public IReadOnlyList<float[]> ActAndRead(IVectorEnvironment environment, Span<int> actions, IReadOnlyList<int> layers)
    {
        var read = new float[layers.Count][];
        var hooks = layers.Select((layer, i) => Layer(layer).register_forward_hook((_, _, output) =>
        {
            read[i] = output.flatten(1).cpu().data<float>().ToArray();
            return output;
        })).ToList();
        try
        {
            Act(environment, actions);
        }
        finally
        {
            foreach (var hook in hooks)
            {
                hook.remove();
            }
        }
        return read;
    }

    public IDisposable Steer(int layer, float[] shift)
    {
        var module = Layer(layer);
        // Kept out of any caller's dispose scope: it lives until the handle is disposed.
        var vector = tensor(shift, device: device).DetachFromDisposeScope();
        var hook = module.register_forward_hook((_, _, output) =>
        {
            var perEpisode = output.shape[1..].Aggregate(1L, (a, b) => a * b);
            if (perEpisode != shift.Length)
            {
                throw new ArgumentException($"a steering vector of {shift.Length} values cannot shift layer {layer}, which has {perEpisode} units");
            }
            return output + vector.reshape(output.shape[1..]);
        });
        return new Handle(() =>
        {
            hook.remove();
            vector.Dispose();
        });
    }

    public void RestartSampling() => random = DeterministicRandom.For(seed, 0, EvaluationSalt);

    private nn.Module<Tensor, Tensor> Layer(int layer) =>
        layer >= 1 && layer <= model.ReadableLayers.Count
            ? model.ReadableLayers[layer - 1]
            : throw new ArgumentOutOfRangeException(nameof(layer), layer, $"the model has trunk layers 1 to {model.ReadableLayers.Count}");

    private sealed class Handle(Action release) : IDisposable
    {
        private Action? release = release;

        public void Dispose()
        {
            release?.Invoke();
            release = null;
        }
    }
}
