using MesaSpec.Experiments.Training;
using TorchSharp;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// Guards the process-wide torch state a run depends on. Weight initialisation draws from torch's global
/// generator, so seeding it and building the model happen under one lock: two runs started in parallel still
/// get the weights their seeds promise. Nothing else in a run uses the global generator (action sampling and
/// minibatch shuffles use the run's own <see cref="Random"/>).
/// </summary>
internal static class TorchGlobalState
{
    private static readonly Lock Gate = new();

    public static T Seeded<T>(int seed, Func<T> create)
    {
        lock (Gate)
        {
            torch.random.manual_seed(seed);
            return create();
        }
    }

    /// <summary>Sets LibTorch's intra-op thread count (process-wide; results are reproducible per thread count).</summary>
    public static void UseThreads(int threads)
    {
        if (threads < 1)
        {
            throw new TrainingFailedException($"{RuntimeErrors.InvalidSettings}: threads must be at least 1 (got {threads})");
        }
        lock (Gate)
        {
            if (torch.get_num_threads() != threads)
            {
                torch.set_num_threads(threads);
            }
        }
    }

    public static torch.Device Device(string name)
    {
        switch (name)
        {
            case "cpu":
                return torch.CPU;
            case "cuda" when torch.cuda.is_available():
                return torch.CUDA;
            case "cuda":
                throw new TrainingFailedException($"{RuntimeErrors.DeviceUnavailable}: device 'cuda' is not available (this build of TorchSharp is CPU-only); use 'cpu'");
            default:
                throw new TrainingFailedException($"{RuntimeErrors.DeviceUnavailable}: unknown device '{name}' (expected cpu or cuda)");
        }
    }
}
