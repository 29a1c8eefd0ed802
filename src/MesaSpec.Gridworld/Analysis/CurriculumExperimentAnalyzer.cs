using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Gridworld.Analysis;

/// <summary>
/// A curriculum scores every training level by the exact planner (MS3070): plans a few levels of each environment a
/// curriculum phase draws from, under the phase's objective and discount, and reports a phase whose levels the planner
/// cannot solve, before training would fail on its first level. Levels that cannot be generated are MS3013's.
/// </summary>
public sealed class CurriculumExperimentAnalyzer(int levelsPerEnvironment = 4) : IExperimentAnalyzer
{
    public IEnumerable<Diagnostic> Analyze(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var clauses = PhaseSyntax.CurriculumClauses(plan.Experiment.Syntax);
        var reported = new HashSet<int>();
        foreach (var point in plan.Points)
        {
            if (point.Policy is not TrainedPolicy trained)
            {
                continue;
            }
            for (var i = 0; i < trained.Phases.Count && i < clauses.Count; i++)
            {
                var phase = trained.Phases[i];
                if (phase.Distribution.Curriculum is not { } curriculum || clauses[i] is not { } clause || reported.Contains(i))
                {
                    continue;
                }
                if (Unplannable(phase, phase.Objective ?? point.BaseObjective, curriculum.Discount, cancellationToken) is { } detail)
                {
                    reported.Add(i);
                    diagnostics.Add(DiagnosticCatalog.CurriculumCannotPlan(clause.Span, curriculum.Component.Name, detail));
                }
            }
        }
        return diagnostics;
    }

    /// <summary>The planner's complaint about the first level it cannot solve, or null when every sampled level is solved.</summary>
    private string? Unplannable(TrainingPhase phase, ObjectiveModel objective, double discount, CancellationToken cancellationToken)
    {
        foreach (var component in phase.Distribution.Components)
        {
            try
            {
                var generator = new LevelGenerator(component.Environment);
                var planner = new EnvironmentPlanner(phase.Distribution.Components[0].Environment, generator.Items, discount: discount) { CancellationToken = cancellationToken };
                for (var i = 0; i < levelsPerEnvironment; i++)
                {
                    planner.OptimalReturn(generator.Generate(LevelSeeds.EvaluationSeed, i, LevelSeeds.TrainingSalt), objective, objective);
                }
            }
            catch (PlannerLimitExceededException e)
            {
                return $"environment '{component.Environment.Name}': {e.Message}";
            }
            catch (LevelGenerationException)
            {
                // Reported by the identifiability analyzer (MS3013); nothing to plan here.
            }
        }
        return null;
    }
}
