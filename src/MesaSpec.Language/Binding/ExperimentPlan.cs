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

    /// <summary>
    /// Whether every point of the sweep trains the same models: no training line (<c>train on</c>, <c>then train
    /// on</c>) mentions the swept parameter, so what a point trains does not depend on it (objectives have no
    /// parameters, and environments see only the arguments written in those lines). A run may then train each seed
    /// once and evaluate that model at every point (a sweep of thinking steps, of episodes, of the evaluation
    /// environment's arguments), as long as the points observe alike. False without a sweep.
    /// </summary>
    public bool TrainsOnce { get; init; }
}
