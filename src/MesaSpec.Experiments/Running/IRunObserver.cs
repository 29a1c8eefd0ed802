using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Training;

namespace MesaSpec.Experiments.Running;

/// <summary>What a front end (terminal progress bars, the language server's $/progress) hears during a run.</summary>
public interface IRunObserver
{
    /// <summary>A seed starts at a sweep point (point index and total, seed).</summary>
    void SeedStarted(int point, int points, int seed);

    void TrainingProgress(int point, TrainingProgress progress);

    /// <summary>The report so far, after every completed seed: write it, so an interrupted run keeps it.</summary>
    void ReportUpdated(RunReport report);
}

/// <summary>An observer that ignores everything.</summary>
public sealed class NullRunObserver : IRunObserver
{
    public static NullRunObserver Instance { get; } = new();

    public void SeedStarted(int point, int points, int seed)
    {
    }

    public void TrainingProgress(int point, TrainingProgress progress)
    {
    }

    public void ReportUpdated(RunReport report)
    {
    }
}
