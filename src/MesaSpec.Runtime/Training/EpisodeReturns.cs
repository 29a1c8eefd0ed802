namespace MesaSpec.Runtime.Training;

/// <summary>
/// Sums rewards per running episode and keeps the returns of finished ones: those finished since the last
/// learning-curve point, and a window of the most recent for progress reports.
/// </summary>
internal sealed class EpisodeReturns(int envs, int window = 100)
{
    private readonly double[] running = new double[envs];
    private readonly Queue<double> recent = new();
    private double sinceLastSum;
    private int sinceLastCount;

    public void Record(ReadOnlySpan<float> rewards, ReadOnlySpan<bool> dones)
    {
        for (var e = 0; e < running.Length; e++)
        {
            running[e] += rewards[e];
            if (!dones[e])
            {
                continue;
            }
            sinceLastSum += running[e];
            sinceLastCount++;
            recent.Enqueue(running[e]);
            if (recent.Count > window)
            {
                recent.Dequeue();
            }
            running[e] = 0;
        }
    }

    /// <summary>Mean return of the last <c>window</c> finished episodes; NaN before any has finished.</summary>
    public double RecentMean => recent.Count == 0 ? double.NaN : recent.Average();

    /// <summary>Mean return of episodes finished since the previous call, or null when none finished.</summary>
    public double? TakeMeanSinceLast()
    {
        if (sinceLastCount == 0)
        {
            return null;
        }
        var mean = sinceLastSum / sinceLastCount;
        sinceLastSum = 0;
        sinceLastCount = 0;
        return mean;
    }
}
