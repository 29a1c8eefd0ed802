namespace MesaSpec.Runtime.Training;

/// <summary>
/// One rollout of <c>steps x envs</c> transitions in managed arrays, time-major. Allocated once per run and
/// reused, so collecting experience allocates no managed memory per step.
/// </summary>
internal sealed class RolloutBuffer
{
    public RolloutBuffer(int steps, int envs, int observationSize)
    {
        Steps = steps;
        Envs = envs;
        ObservationSize = observationSize;
        var count = steps * envs;
        Observations = new float[count * observationSize];
        Actions = new long[count];
        LogProbabilities = new float[count];
        Values = new float[count];
        Rewards = new float[count];
        Ended = new bool[count];
        Keep = new float[count];
        Trains = new float[count];
        Advantages = new float[count];
        Returns = new float[count];
        LastValues = new float[envs];
    }

    public int Steps { get; }
    public int Envs { get; }
    public int ObservationSize { get; }
    public int Count => Steps * Envs;

    public float[] Observations { get; }
    public long[] Actions { get; }
    public float[] LogProbabilities { get; }
    public float[] Values { get; }
    public float[] Rewards { get; }
    public bool[] Ended { get; }

    /// <summary>For a recurrent model: 0 where an episode starts at that step (its memory is reset), else 1.</summary>
    public float[] Keep { get; }

    /// <summary>1 where the trainer learns from the step, 0 where the environment withholds its episode (a robust curriculum's fresh levels).</summary>
    public float[] Trains { get; }
    public float[] Advantages { get; }
    public float[] Returns { get; }
    public float[] LastValues { get; }

    /// <summary>The observations of step <paramref name="t"/>, all environments.</summary>
    public Span<float> ObservationsAt(int t) => Observations.AsSpan(t * Envs * ObservationSize, Envs * ObservationSize);

    public void ComputeAdvantages(double gamma, double lambda) =>
        GeneralisedAdvantage.Compute(Rewards, Values, Ended, LastValues, Envs, gamma, lambda, Advantages, Returns);
}
