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

    private readonly ScoredStateSpace space;
    private readonly double[][] values; // [time][state * K + k]

    internal Plan(ScoredStateSpace space, double[][] values, int horizon, double discount)
    {
        this.space = space;
        this.values = values;
        Discount = discount;
        ObjectiveCount = space.ObjectiveCount;
        Horizon = horizon;
    }

    public int ObjectiveCount { get; }

    public int Horizon { get; }

    /// <summary>The weight of a reward one step later (1 = undiscounted); values are discounted from the state they are read at.</summary>
    public double Discount { get; }

    public int StateCount => space.Count;

    /// <summary>The optimal (discounted) return of scored objective <paramref name="k"/> from the level's start (for k &gt; 0: among trajectories optimal for the objectives before it).</summary>
    public double OptimalReturn(int k = 0) => values[0][k];

    /// <summary>
    /// An optimal action at time <paramref name="step"/> in the given state (ties go to the lowest action:
    /// up, right, down, left). After the horizon every action is equal and 0 is returned. With entities, pass their
    /// packed cells and memory (<see cref="EntityPacking"/>); with counted rewards, the scored objectives' counter words side by side.
    /// </summary>
    public int ChooseAction(int cell, ulong alive, ulong held, int finished, int step, ulong entities = 0, ulong counters = 0, int memory = 0)
    {
        if (step >= Horizon)
        {
            return 0;
        }
        var s = Find(cell, alive, held, finished, step, entities, counters, memory);
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
    public double Value(int cell, ulong alive, ulong held, int finished, int step, int k = 0, ulong entities = 0, ulong counters = 0, int memory = 0) =>
        step >= Horizon ? 0 : At(step, Find(cell, alive, held, finished, step, entities, counters, memory), k);

    /// <summary>A state's value at a time; 0 for a state that cannot occur yet, which no time computes.</summary>
    private double At(int step, int s, int k)
    {
        var layer = values[step];
        var i = (long)s * ObjectiveCount + k;
        return i < layer.Length ? layer[i] : 0;
    }

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
        var n = space.Next[t];
        for (var j = 0; j < k; j++)
        {
            q[j] = space.Rewards[j][t] + (n >= 0 ? Discount * At(step + 1, n, j) : 0);
        }
    }

    private int Find(int cell, ulong alive, ulong held, int finished, int step, ulong entities, ulong counters, int memory)
    {
        var s = space.Find(cell, alive, held, finished, step, entities, counters, memory);
        if (s < 0)
        {
            throw new InvalidOperationException($"the state (cell {cell}, items {alive:x}, held {held:x}, finished {finished}, entities {entities:x}, counters {counters:x}, memory {memory}) cannot be reached from this level's start");
        }
        return s;
    }
}
