namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// A level has more planner states than the configured limit (too many items that can change, or a huge grid), or
/// something the exact planner cannot enumerate at all (<see cref="Unsupported"/>: items that move at random).
/// </summary>
public sealed class PlannerLimitExceededException : Exception
{
    public PlannerLimitExceededException(int states, int limit, string detail)
        : base($"the exact planner would need more than {limit} states ({detail}); reduce the number of collectable items, keys and chests, the grid size or the horizon")
    {
        States = states;
        Limit = limit;
    }

    private PlannerLimitExceededException(string message)
        : base(message)
    {
    }

    public int States { get; }

    public int Limit { get; }

    /// <summary>Levels whose dynamics the planner does not enumerate; <paramref name="why"/> says what and what to do.</summary>
    public static PlannerLimitExceededException Unsupported(string why) => new($"the exact planner cannot solve these levels: {why}");
}
