namespace MesaSpec.Runtime.Training;

/// <summary>
/// Whether a minibatch's shards (<see cref="ShardedGradients"/>) run at once, one per thread, or one after the other
/// on the calling thread: whichever has taken less time lately (a moving average of each), trying the other way
/// every <see cref="ExploreEvery"/>-th minibatch so that a change of load is noticed. On a quiet machine the threads
/// win; when other jobs share the cores, a woken thread can wait a whole time slice for its turn and one thread wins.
/// The choice moves only the time: every shard computes the same thing either way.
/// </summary>
public sealed class ShardSchedule(bool? alwaysParallel = null)
{
    public const int ExploreEvery = 32;

    /// <summary>Weight of the newest measurement in each moving average.</summary>
    private const double Smoothing = 0.2;

    private double parallelMilliseconds = double.NaN;
    private double sequentialMilliseconds = double.NaN;
    private long minibatches;
    private bool exploring;

    public bool NextIsParallel()
    {
        if (alwaysParallel is { } forced)
        {
            return forced;
        }
        minibatches++;
        if (double.IsNaN(parallelMilliseconds))
        {
            return true;
        }
        if (double.IsNaN(sequentialMilliseconds))
        {
            return false;
        }
        var faster = parallelMilliseconds <= sequentialMilliseconds;
        exploring = minibatches % ExploreEvery == 0;
        return exploring ? !faster : faster;
    }

    /// <summary>
    /// Adds a minibatch's time to its way's average; the time of a way tried again after a while replaces its
    /// average, which is stale by then.
    /// </summary>
    public void Record(bool parallel, double milliseconds)
    {
        if (exploring)
        {
            (parallel ? ref parallelMilliseconds : ref sequentialMilliseconds) = double.NaN;
            exploring = false;
        }
        if (parallel)
        {
            parallelMilliseconds = Average(parallelMilliseconds, milliseconds);
        }
        else
        {
            sequentialMilliseconds = Average(sequentialMilliseconds, milliseconds);
        }
    }

    private static double Average(double average, double measured) =>
        double.IsNaN(average) ? measured : average + Smoothing * (measured - average);
}
