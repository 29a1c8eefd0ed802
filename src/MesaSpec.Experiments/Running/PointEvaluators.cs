using MesaSpec.Experiments.Evaluation;
using MesaSpec.Language.Binding;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// The evaluators of each sweep point, built on first use and kept: building one generates its levels and
/// plans them, and summarising asks it for the random baseline, which it computes once.
/// </summary>
public sealed class PointEvaluators(ExperimentPlan plan, CancellationToken cancellationToken)
{
    private readonly Dictionary<int, IReadOnlyList<PolicyEvaluator>> built = [];

    public IReadOnlyList<PolicyEvaluator> For(int point)
    {
        if (!built.TryGetValue(point, out var evaluators))
        {
            var model = plan.Points[point];
            evaluators = model.Evaluations
                .Select(e => PolicyEvaluator.Create(e, model.BaseObjective, model.MesaObjectives, model.Threshold, cancellationToken))
                .ToList();
            built[point] = evaluators;
        }
        return evaluators;
    }
}
