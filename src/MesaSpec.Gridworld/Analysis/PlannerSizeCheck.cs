using System.Globalization;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Analysis;

/// <summary>
/// Whether an environment's levels fit the exact planner, asked before any is planned: the state estimate
/// (<see cref="PlannerStateEstimate"/>) of each sampled level for each plan an evaluation makes (the base objective
/// alone, each proxy with the base) against that plan's cap. Under every cap the levels fit, whatever planning finds.
/// Over a cap the estimate, an upper bound that can be far above the real count (where monsters are follows from where
/// the agent went), is put to the test on the level it rates highest: its states are enumerated up to the cap, without
/// planning. Past the cap, the finding (MS3015); the caller then plans none of the environment's samples, each of which
/// would be refused only after enumerating as many states.
/// </summary>
internal static class PlannerSizeCheck
{
    /// <summary>The finding, or null when the levels fit (or the estimate was too high). Refusals of levels the planner cannot plan at all propagate.</summary>
    public static IdentifiabilityFinding? Check(EnvironmentModel environment, IReadOnlyList<Level> levels, ObjectiveModel baseObjective,
        IReadOnlyList<ObjectiveModel> mesaObjectives, EnvironmentPlanner planner)
    {
        var horizon = environment.Horizon;
        foreach (var scored in mesaObjectives.Select(m => new[] { m, baseObjective }).Prepend([baseObjective]))
        {
            var cap = planner.MaxStates ?? PlannerMemoryBudget.MaxStates(scored.Length, horizon);
            var (level, estimate) = levels.Select(l => (l, PlannerStateEstimate.UpperBound(l, horizon, baseObjective, scored))).MaxBy(rated => rated.Item2);
            if (estimate <= cap)
            {
                continue;
            }
            try
            {
                planner.ForLevel(level, baseObjective).StateCount(scored.Select(planner.Compile).ToArray());
            }
            catch (PlannerLimitExceededException e) when (e.Limit > 0)
            {
                var budget = planner.MaxStates is null ? PlannerMemoryBudget.Describe(scored.Length, horizon) : "the configured cap";
                return new(IdentifiabilityFindingKind.PlannerStatesOverCap, string.Create(CultureInfo.InvariantCulture,
                    $"environment '{environment.Name}' can need up to {estimate:N0} states a level (estimated from its open cells, items, moving items and {horizon} steps), over the cap of {cap:N0} ({budget}), and a sampled level needs more than the cap"),
                    Environment: environment.Name);
            }
        }
        return null;
    }
}
