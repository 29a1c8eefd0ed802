namespace MesaSpec.Runtime.Training;

/// <summary>
/// Generalised advantage estimation (Schulman et al. 2016) over a rollout stored time-major
/// (<c>index = t * envs + e</c>).
/// </summary>
internal static class GeneralisedAdvantage
{
    /// <summary>
    /// Fills <paramref name="advantages"/> with GAE(lambda) and <paramref name="returns"/> with advantage + value
    /// (the value target). <paramref name="ended"/>[i] is true when the episode ended at step i, so nothing after it
    /// is bootstrapped; <paramref name="lastValues"/> are the values of the observations after the last step.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<float> rewards,
        ReadOnlySpan<float> values,
        ReadOnlySpan<bool> ended,
        ReadOnlySpan<float> lastValues,
        int envs,
        double gamma,
        double lambda,
        Span<float> advantages,
        Span<float> returns)
    {
        var steps = rewards.Length / envs;
        for (var e = 0; e < envs; e++)
        {
            double running = 0;
            double nextValue = lastValues[e];
            for (var t = steps - 1; t >= 0; t--)
            {
                var i = t * envs + e;
                var continues = ended[i] ? 0.0 : 1.0;
                var delta = rewards[i] + gamma * nextValue * continues - values[i];
                running = delta + gamma * lambda * continues * running;
                advantages[i] = (float)running;
                returns[i] = (float)(running + values[i]);
                nextValue = values[i];
            }
        }
    }
}
