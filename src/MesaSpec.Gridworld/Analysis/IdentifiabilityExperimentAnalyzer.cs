using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;

namespace MesaSpec.Gridworld.Analysis;

/// <summary>
/// Plugs the sampling-based <see cref="IdentifiabilityAnalyzer"/> into compilations (check, language server):
/// a mesa objective no evaluation environment can separate from the base objective (MS3001), levels that
/// cannot be generated (MS3013), levels the planner cannot solve (MS3014; MS3015 when the state estimate finds them before planning). The structural findings
/// (no shift, targets that never spawn) are the language's own design checks and are not repeated here.
/// </summary>
public sealed class IdentifiabilityExperimentAnalyzer(int levelsPerEnvironment = 64) : IExperimentAnalyzer
{
    public IEnumerable<Diagnostic> Analyze(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var syntax = plan.Experiment.Syntax;
        foreach (var point in plan.Points.DistinctBy(p => string.Join(";", p.Evaluations.Select(e => ModelText.Canonical(e.Environment)))))
        {
            var training = point.Policy is TrainedPolicy trained ? trained.Environment : point.Evaluations.FirstOrDefault()?.Environment;
            if (training is null)
            {
                continue;
            }
            var report = IdentifiabilityAnalyzer.Analyze(point.BaseObjective, point.MesaObjectives, training,
                point.Evaluations.Select(e => e.Environment).ToList(), levelsPerEnvironment, cancellationToken, point.Discount);
            foreach (var finding in report.Findings)
            {
                switch (finding.Kind)
                {
                    case IdentifiabilityFindingKind.MesaObjectiveIndistinguishable:
                        var rates = report.ConflictRates.Where(r => r.Objective == finding.Objective).Select(r => $"0 of {r.SampledLevels} sampled levels of {r.Environment}");
                        diagnostics.Add(DiagnosticCatalog.ObjectiveNotIdentifiable(MesaSpan(syntax, finding.Objective), finding.Objective ?? "", point.BaseObjective.Name,
                            string.Join(", ", rates) is { Length: > 0 } text ? text : "no separating level sampled"));
                        break;
                    case IdentifiabilityFindingKind.LevelGenerationFailed:
                        diagnostics.Add(DiagnosticCatalog.LevelsCannotBeGenerated(EnvironmentSpan(syntax, finding.Environment), finding.Message));
                        break;
                    case IdentifiabilityFindingKind.PlannerLimitExceeded:
                        diagnostics.Add(DiagnosticCatalog.PlannerLimitExceeded(EnvironmentSpan(syntax, finding.Environment), finding.Message));
                        break;
                    case IdentifiabilityFindingKind.PlannerStatesOverCap:
                        diagnostics.Add(DiagnosticCatalog.PlannerStatesOverCap(EnvironmentSpan(syntax, finding.Environment), finding.Message));
                        break;
                }
            }
        }
        return diagnostics;
    }

    private static TextSpan MesaSpan(DeclarationSyntax experiment, string? objective) =>
        experiment.Members.OfType<MesaObjectiveMemberSyntax>().SelectMany(m => m.Objectives).FirstOrDefault(o => o.Text == objective)?.Span
        ?? experiment.Name.Span;

    private static TextSpan EnvironmentSpan(DeclarationSyntax experiment, string? environment) =>
        experiment.Members
            .SelectMany(m => m switch
            {
                EvaluateMemberSyntax e => e.Environments,
                TrainMemberSyntax t => Components(t.Environment),
                ThenTrainMemberSyntax t => Components(t.Environment),
                _ => [],
            })
            .FirstOrDefault(e => e.ReferencedName()?.Text == environment)?.Span
        ?? experiment.Name.Span;

    /// <summary>The environment references of a training distribution: itself, or a mixture's components.</summary>
    private static IEnumerable<ExpressionSyntax> Components(ExpressionSyntax distribution) =>
        distribution is MixtureExpressionSyntax mixture ? mixture.Components.Select(c => c.Environment) : [distribution];
}
