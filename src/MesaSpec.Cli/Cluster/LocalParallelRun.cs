using System.Diagnostics;
using System.Globalization;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;

namespace MesaSpec.Cli.Cluster;

/// <summary>
/// <c>mesaspec run --jobs N</c>: the run as a run folder in its output folder, its tasks in N local workers,
/// the report rebuilt after every finished task from the outcomes so far. Same outcomes, same aggregation:
/// the same report as the in-process run, in every verdict and score.
/// </summary>
internal static class LocalParallelRun
{
    public static RunReport Run(ExperimentPlan plan, SpecInfo spec, RunOptions options, string directory, int jobs,
        IRunObserver observer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        var folder = RunFolder.Create(directory, RunManifest.Create(Path.GetFileName(directory), plan, spec, options));
        var aggregation = new RunAggregation(plan, spec, folder.Manifest.Seeds, options);
        var evaluators = new PointEvaluators(plan);
        var outcomes = new List<SeedOutcome>();
        RunReport Report(RunStatus status, string? detail) =>
            aggregation.Report(outcomes, evaluators.For, status, detail, started, clock.Elapsed);

        void Finished(int index)
        {
            if (folder.Outcome(index) is { } outcome)
            {
                outcomes.Add(outcome);
                observer.ReportUpdated(Report(RunStatus.Running, null));
            }
        }

        RunReport report;
        try
        {
            var failures = new LocalWorkerPool(folder, jobs).Run(Groups(plan, options, folder.Manifest), observer, Finished, cancellationToken);
            report = failures.Count == 0
                ? Report(RunStatus.Finished, null)
                : Report(RunStatus.Failed, string.Join("; ", failures.Select(f =>
                {
                    var task = folder.Manifest.Tasks[f.Index];
                    return string.Create(CultureInfo.InvariantCulture, $"point {task.Point}, seed {task.Seed}: {f.Message}");
                })));
        }
        catch (OperationCanceledException)
        {
            report = Report(RunStatus.Cancelled, "cancelled before every seed finished; the report holds the completed seeds only");
        }
        observer.ReportUpdated(report);
        return report;
    }

    /// <summary>
    /// The tasks one worker runs together: where the sweep's points share their models (<see cref="SharedTraining"/>),
    /// every point of one seed, so the worker trains the seed once; otherwise each task on its own.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<int>> Groups(ExperimentPlan plan, RunOptions options, RunManifest manifest) =>
        SharedTraining.Applies(plan, options)
            ? manifest.Tasks.GroupBy(t => t.Seed).Select(g => (IReadOnlyList<int>)g.OrderBy(t => t.Point).Select(t => t.Index).ToList()).ToList()
            : manifest.Tasks.Select(t => (IReadOnlyList<int>)[t.Index]).ToList();
}
