using MesaSpec.Gridworld.Dynamics;

namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// The solved finite-horizon problem of one level: optimal values of every reachable state at every time,
/// compared lexicographically over the scored objectives (objective 0 first, then 1 to break ties).
/// </summary>
public sealed class Plan
{
    /// <summary>Values closer than this are ties (returns are sums of a few decimal rewards).</summary>
    public const double Tolerance = 1e-9;

    private readonly Dictionary<PlannerState, int> ids;
    private readonly int[] next;        // [state * 4 + action], -1 terminal
    private readonly double[] reward;   // [(state * 4 + action) * K + k]
    private readonly double[] values;   // [(time * S + state) * K + k]
    private readonly int stateCount;
    private readonly ulong mutableMask;
    private readonly ulong heldMask;
    private readonly int period;

    internal Plan(Dictionary<PlannerState, int> ids, int[] next, double[] reward, double[] values, int stateCount, int objectives, int horizon, double discount, ulong mutableMask, ulong heldMask, int period)
    {
        this.period = period;
        Discount = discount;
        this.ids = ids;
        this.next = next;
        this.reward = reward;
        this.values = values;
        this.stateCount = stateCount;
        ObjectiveCount = objectives;
        Horizon = horizon;
        this.mutableMask = mutableMask;
        this.heldMask = heldMask;
    }

    public int ObjectiveCount { get; }

    public int Horizon { get; }

    /// <summary>The weight of a reward one step later (1 = undiscounted); values are discounted from the state they are read at.</summary>
    public double Discount { get; }

    public int StateCount => stateCount;

    /// <summary>The optimal (discounted) return of scored objective <paramref name="k"/> from the level's start (for k &gt; 0: among trajectories optimal for the objectives before it).</summary>
    public double OptimalReturn(int k = 0) => values[k];

    /// <summary>
    /// An optimal action at time <paramref name="step"/> in the given state (ties go to the lowest action:
    /// up, right, down, left). After the horizon every action is equal and 0 is returned. With entities, pass their
    /// packed cells (<see cref="EntityPacking"/>); with counted rewards, the scored objectives' counter words side by side.
    /// </summary>
    public int ChooseAction(int cell, ulong alive, ulong held, int finished, int step, ulong entities = 0, ulong counters = 0)
    {
        if (step >= Horizon)
        {
            return 0;
        }
        var s = Find(cell, alive, held, finished, step, entities, counters);
        var k = ObjectiveCount;
        Span<double> best = stackalloc double[k];
        Span<double> q = stackalloc double[k];
        var bestAction = -1;
        for (var a = 0; a < GridRules.ActionCount; a++)
        {
            ActionValue(s, a, step, q);
            if (bestAction < 0 || Better(q, best))
            {
                q.CopyTo(best);
                bestAction = a;
            }
        }
        return bestAction;
    }

    /// <summary>The value of objective <paramref name="k"/> from a state at time <paramref name="step"/>.</summary>
    public double Value(int cell, ulong alive, ulong held, int finished, int step, int k = 0, ulong entities = 0, ulong counters = 0) =>
        step >= Horizon ? 0 : values[((long)step * stateCount + Find(cell, alive, held, finished, step, entities, counters)) * ObjectiveCount + k];

    internal static bool Better(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        for (var k = 0; k < a.Length; k++)
        {
            var d = a[k] - b[k];
            if (d > Tolerance)
            {
                return true;
            }
            if (d < -Tolerance)
            {
                return false;
            }
        }
        return false;
    }

    private void ActionValue(int s, int a, int step, Span<double> q)
    {
        var k = ObjectiveCount;
        var t = s * GridRules.ActionCount + a;
        var n = next[t];
        for (var j = 0; j < k; j++)
        {
            q[j] = reward[t * k + j] + (n >= 0 ? Discount * values[((long)(step + 1) * stateCount + n) * k + j] : 0);
        }
    }

    private int Find(int cell, ulong alive, ulong held, int finished, int step, ulong entities, ulong counters)
    {
        if (!ids.TryGetValue(new PlannerState(cell, alive & mutableMask, held & heldMask, finished, entities, counters, step % period), out var s))
        {
            throw new InvalidOperationException($"the state (cell {cell}, items {alive:x}, held {held:x}, finished {finished}, entities {entities:x}, counters {counters:x}) cannot be reached from this level's start");
        }
        return s;
    }
}
