using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;

namespace MesaSpec.Cli.Running;

/// <summary>
/// The replay of a stored report's episodes (<c>mesaspec report</c>): its spec compiled again, only when the file still
/// has the text the run hashed and the experiment; otherwise null (with the reason), and report.html lists the episodes
/// without stepping through them rather than replaying them on levels the run never played.
/// </summary>
internal static class StoredReportReplay
{
    public static ExperimentReplay? For(RunReport report, CancellationToken cancellationToken, out string? problem)
    {
        problem = null;
        if (!report.Points.Any(p => p.Evaluations.Any(e => e.RecordedEpisodes is { Count: > 0 })))
        {
            return null;
        }
        var compiled = HashedSpec.Compile(report.Spec.Path, report.Spec.Sha256, report.Experiment, "the run", cancellationToken, out problem);
        return compiled is { Plan: var plan } ? new ExperimentReplay(plan) : null;
    }
}
