namespace MesaSpec.Gridworld.Planning;

/// <summary>A level has more planner states than the configured limit (too many items that can change, or a huge grid).</summary>
public sealed class PlannerLimitExceededException(int states, int limit, string detail)
    : Exception($"the exact planner would need more than {limit} states ({detail}); reduce the number of collectable items, keys and chests, the grid size or the horizon")
{
    public int States { get; } = states;

    public int Limit { get; } = limit;
}
