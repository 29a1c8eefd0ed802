using System.Runtime.ExceptionServices;
using TorchSharp;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// A thread of its own that runs one shard of each minibatch (<see cref="ShardedGradients"/>). Its own thread, not
/// the thread pool's: OpenMP's thread count, which LibTorch and MKL read, is a per-thread setting, so a thread that
/// has not set it to 1 splits its matrix products across the cores again (slower under load, and rounded differently
/// from the same shard computed elsewhere). This thread sets it once, when it starts.
/// </summary>
internal sealed class ShardWorker : IDisposable
{
    private readonly Thread thread;
    private readonly SemaphoreSlim started = new(0);
    private readonly SemaphoreSlim finished = new(0);
    private Action? job;
    private Exception? failure;
    private volatile bool stopping;

    public ShardWorker(string name)
    {
        thread = new Thread(Loop) { IsBackground = true, Name = name };
        thread.Start();
    }

    /// <summary>Hands the thread its next job; <see cref="End"/> waits for it.</summary>
    public void Begin(Action work)
    {
        job = work;
        failure = null;
        started.Release();
    }

    /// <summary>Waits for the job <see cref="Begin"/> handed over; rethrows what it threw.</summary>
    public void End()
    {
        finished.Wait();
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private void Loop()
    {
        torch.set_num_threads(1);
        while (true)
        {
            started.Wait();
            if (stopping)
            {
                return;
            }
            try
            {
                job!();
            }
            catch (Exception e)
            {
                failure = e;
            }
            finished.Release();
        }
    }

    public void Dispose()
    {
        stopping = true;
        started.Release();
        thread.Join();
        started.Dispose();
        finished.Dispose();
    }
}
