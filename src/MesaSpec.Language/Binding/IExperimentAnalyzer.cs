using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Language.Binding;

/// <summary>
/// A design check that needs more than the language knows, e.g. the gridworld's sampling-based
/// identifiability analysis (MS3001). Hosts (CLI, language server) pass analyzers to the compilation;
/// the language itself stays free of any simulation code.
/// </summary>
public interface IExperimentAnalyzer
{
    /// <summary>Diagnostics for one planned experiment. Implementations must not throw; spans refer to <see cref="ExperimentPlan.Experiment"/>'s tree.</summary>
    IEnumerable<Diagnostic> Analyze(ExperimentPlan plan, CancellationToken cancellationToken);
}
