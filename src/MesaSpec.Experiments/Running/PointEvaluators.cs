using MesaSpec.Experiments.Evaluation;
using MesaSpec.Language.Binding;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// The evaluators of each sweep point, built on first use and kept: each keeps the levels and plans of the seeds it
/// evaluated. Summarising needs neither (it reads the seeds' outcomes), so a collecting process plans nothing.
/// </summary>
public sealed class PointEvaluators(ExperimentPlan plan)
{
    private readonly Dictionary<int, IReadOnlyList<PolicyEvaluator>> built = [];

    public IReadOnlyList<PolicyEvaluator> For(int point)
    {
        if (!built.TryGetValue(point, out var evaluators))
        {
            var model = plan.Points[point];
            evaluators = model.Evaluations
                .Select(e => PolicyEvaluator.For(model, e))
                .ToList();
            built[point] = evaluators;
        }
        return evaluators;
    }
}
