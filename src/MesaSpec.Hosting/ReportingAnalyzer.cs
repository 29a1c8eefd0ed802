using System.Diagnostics;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Hosting;

/// <summary>One experiment's analysis by one analyzer, finished: for a host that shows <c>check</c>'s progress.</summary>
public sealed record AnalysisProgress(string Experiment, string Analyzer, TimeSpan Elapsed);

/// <summary>
/// An analyzer that says when each experiment's analysis is done and how long it took. The design analyzers plan
/// sampled levels exactly, which takes seconds to minutes for large worlds; without this a long <c>check</c> is silent.
/// </summary>
internal sealed class ReportingAnalyzer(IExperimentAnalyzer inner, string name, IProgress<AnalysisProgress> progress) : IExperimentAnalyzer
{
    public IEnumerable<Diagnostic> Analyze(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // Materialised here, so the time is the analysis's, not the caller's iteration.
        var diagnostics = inner.Analyze(plan, cancellationToken).ToList();
        progress.Report(new AnalysisProgress(plan.Name, name, clock.Elapsed));
        return diagnostics;
    }
}
