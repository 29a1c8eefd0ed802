using System.Collections.Concurrent;
using System.Text;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;

namespace MesaSpec.LanguageServer.Features.Diagnostics;

/// <summary>
/// Remembers a slow analyzer's findings per experiment, keyed by the experiment's own text and the meaning of
/// everything it uses (objectives, environments after extends and defaults). An edit elsewhere in the file then
/// costs nothing: the findings are reused, moved with the experiment.
/// </summary>
public sealed class CachedExperimentAnalyzer(IExperimentAnalyzer inner, int capacity = 512) : IExperimentAnalyzer
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Diagnostic>> _findings = new(StringComparer.Ordinal);

    private int _hits;

    /// <summary>Analyses answered from the cache.</summary>
    public int Hits => Volatile.Read(ref _hits);

    public IEnumerable<Diagnostic> Analyze(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        var start = plan.Experiment.Syntax.Span.Start;
        var key = Key(plan);
        if (_findings.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return [.. cached.Select(d => d with { Span = d.Span with { Start = d.Span.Start + start } })];
        }
        var found = inner.Analyze(plan, cancellationToken).ToList();
        if (_findings.Count >= capacity)
        {
            _findings.Clear();
        }
        _findings[key] = [.. found.Select(d => d with { Span = d.Span with { Start = d.Span.Start - start } })];
        return found;
    }

    private static string Key(ExperimentPlan plan)
    {
        var b = new StringBuilder();
        b.Append(plan.Experiment.Tree.Text.ToString(plan.Experiment.Syntax.Span)).Append('\u0001');
        foreach (var point in plan.Points)
        {
            b.Append(point.BaseObjective.Name).Append('=').Append(ModelText.Canonical(point.BaseObjective)).Append('\u0001');
            foreach (var mesa in point.MesaObjectives)
            {
                b.Append(mesa.Name).Append('=').Append(ModelText.Canonical(mesa)).Append('\u0001');
            }
            if (point.Policy is TrainedPolicy trained)
            {
                b.Append(trained.Environment.DisplayName).Append('=').Append(ModelText.Canonical(trained.Environment)).Append('\u0001');
            }
            foreach (var evaluation in point.Evaluations)
            {
                b.Append(evaluation.Environment.DisplayName).Append('=').Append(ModelText.Canonical(evaluation.Environment)).Append('\u0001');
            }
        }
        return b.ToString();
    }
}
