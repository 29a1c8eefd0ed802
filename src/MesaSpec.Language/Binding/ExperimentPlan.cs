using MesaSpec.Language.Model;

namespace MesaSpec.Language.Binding;

/// <summary>
/// Everything needed to run one experiment: its concrete model at each sweep point (one point
/// without a sweep). <see cref="Points"/> is empty when errors prevented instantiation.
/// </summary>
public sealed record ExperimentPlan(DeclarationSymbol Experiment, SweepModel? Sweep, IReadOnlyList<ExperimentModel> Points)
{
    public string Name => Experiment.Name;

    public bool IsRunnable => Points.Count > 0;
}
