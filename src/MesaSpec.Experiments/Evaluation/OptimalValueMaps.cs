using MesaSpec.Experiments.Reports;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Each candidate objective's optimal return from every free start cell of a sample level: one exact plan per start
/// cell, shared by every candidate (one enumeration of that start's states), under the base objective's episode rules.
/// What the policy's own value map is compared with: where each objective says the agent should want to be.
/// </summary>
public static class OptimalValueMaps
{
    /// <summary>
    /// The most states planned for one level's maps (every start cell together), as estimated before planning: a
    /// cheese maze needs some thousands; a level past this would hold up the report for minutes and is left out, saying so.
    /// </summary>
    public const double StateBudget = 2_000_000;

    /// <summary>The maps, or null and the reason they are left out.</summary>
    public static (IReadOnlyList<OptimalValueMap>? Maps, string? Omitted) For(EvaluationSetup setup, Level level, CancellationToken cancellationToken)
    {
        var starts = StartCells.Free(level).ToList();
        var horizon = setup.Environment.Horizon;
        var estimate = starts.Sum(c => PlannerStateEstimate.UpperBound(level.WithAgentAt(c), horizon, setup.BaseObjective, setup.Candidates));
        if (estimate > StateBudget)
        {
            return (null, $"optimal value maps left out: planning from each of the {starts.Count} free cells would take up to {estimate:0.#e0} states, more than the {StateBudget:0.#e0} a report plans per level");
        }
        var planner = new EnvironmentPlanner(setup.Environment, level.Items, discount: setup.Discount) { CancellationToken = cancellationToken };
        var maps = setup.Candidates.Select(_ => Grid(level)).ToArray();
        try
        {
            foreach (var cell in starts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = planner.ForLevel(level.WithAgentAt(cell), setup.BaseObjective);
                for (var c = 0; c < setup.Candidates.Count; c++)
                {
                    maps[c][cell / level.Width][cell % level.Width] = Math.Round(planner.OptimalReturn(start, setup.Candidates[c]), BehaviourSample.Precision);
                }
            }
        }
        catch (PlannerLimitExceededException e)
        {
            return (null, $"optimal value maps left out: {e.Message}");
        }
        return ([.. setup.Candidates.Select((candidate, c) => new OptimalValueMap(candidate.Name, maps[c]))], null);
    }

    private static double?[][] Grid(Level level) =>
        [.. Enumerable.Range(0, level.Height).Select(_ => new double?[level.Width])];
}
