using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;

namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// The exact planner: optimal discounted returns (reward at step t weighs discount^t; 1 = undiscounted) within
/// the horizon by dynamic programming over
/// (time, agent cell, remaining changeable items, held keys and shields, which scored objectives have ended, where the
/// entities are, the scored objectives' reward counters). Entities move deterministically (chase, flee, stay); levels
/// with random moves, more than 8 entities, or entities on grids over 256 cells are refused with
/// <see cref="PlannerLimitExceededException.Unsupported"/>, never planned approximately.
/// The episode follows <c>terminating</c>'s end conditions and hazards (the base objective's rules in an
/// experiment); each scored objective earns reward until the episode ends or its own end condition fires.
/// Reachable states are enumerated breadth-first (<see cref="LevelStateGraph"/>: so they are ordered by the earliest
/// time they can occur, and time t only needs the states reachable within t steps), combined with the scored
/// objectives' own state where they have one (<see cref="ScoredStateSpace"/>), then values are computed backwards in
/// time (<see cref="ValueBackup"/>). <see cref="LevelPlanner"/> plans several objectives on one enumeration.
/// </summary>
public static class Planner
{
    /// <param name="maxStates">The state cap; null: what <see cref="PlannerMemoryBudget"/> allows for these objectives and this horizon.</param>
    public static Plan Solve(Level level, int[] neighbours, CompiledObjective terminating, IReadOnlyList<CompiledObjective> scored, int horizon,
        int? maxStates = null, double discount = 1, CancellationToken cancellationToken = default) =>
        new LevelPlanner(level, neighbours, terminating, horizon, maxStates, discount, cancellationToken).Solve(scored);
}
