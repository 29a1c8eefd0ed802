namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// How many states the exact planner may enumerate: what fits in a share of this machine's memory at what a state
/// costs for the objectives and horizon being planned, rather than one constant for every level. A state costs its
/// key in the state table and the list (about 64 + 48 bytes), its successor and rewards per action, and one value
/// per objective per step of the horizon, which dominates for long horizons. The cap is what a full plan costs (an
/// oracle's plan keeps every time's values) even where only the returns are asked for and two times are kept
/// (<see cref="LevelPlanner.OptimalReturns"/>): one cap for both, so whether a level can be planned does not depend on why.
/// </summary>
public static class PlannerMemoryBudget
{
    /// <summary>
    /// The share of the memory the runtime may use that one plan may take. Runs plan levels of several seeds at once, and
    /// a plan's time grows with its values as its memory does (the backup visits each once), so the share is small: on a
    /// 24 GiB machine it is about the old fixed cap of 250,000 states for two objectives over 200 steps, and five times
    /// that over 25 steps.
    /// </summary>
    public const int ShareOfMemory = 32;

    /// <summary>Overrides the budget, in megabytes (tests, or a machine shared with other work).</summary>
    public const string Variable = "MESASPEC_PLANNER_MEMORY_MB";

    /// <summary>The bytes one plan may take.</summary>
    public static long Bytes
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is { } text && long.TryParse(text, out var megabytes) && megabytes > 0)
            {
                return megabytes * 1024 * 1024;
            }
            return Language.Model.MachineMemory.AvailableBytes / ShareOfMemory;
        }
    }

    /// <summary>The bytes of one state for <paramref name="objectives"/> scored objectives over <paramref name="horizon"/> steps.</summary>
    public static long BytesPerState(int objectives, int horizon) =>
        112 + Dynamics.GridRules.ActionCount * (4L + 8L * objectives) + 8L * objectives * (horizon + 1);

    /// <summary>The state cap for this plan: the budget over the cost of a state, at least 1,000 and at most what a list can index.</summary>
    public static int MaxStates(int objectives, int horizon) =>
        (int)Math.Clamp(Bytes / BytesPerState(objectives, horizon), 1_000, int.MaxValue / Dynamics.GridRules.ActionCount / Math.Max(1, objectives));

    /// <summary>"1,536 MB of memory at 3,272 bytes a state": what a refusal tells the user.</summary>
    public static string Describe(int objectives, int horizon) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"a budget of {Bytes / (1024 * 1024):N0} MB at {BytesPerState(objectives, horizon):N0} bytes a state for {objectives} objective{(objectives == 1 ? "" : "s")} over {horizon} steps; {Variable} sets the budget");
}
