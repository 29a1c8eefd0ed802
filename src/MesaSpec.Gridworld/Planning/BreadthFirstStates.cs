namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// The states found so far by a breadth-first enumeration from a start, numbered in the order found (so by the
/// earliest time each occurs), with that time; refuses the state past the cap.
/// </summary>
internal sealed class BreadthFirstStates<TState>
    where TState : struct, IEquatable<TState>
{
    private readonly Dictionary<TState, int> ids;
    private readonly List<TState> states;
    private readonly List<int> depth;
    private readonly int cap;
    private readonly Func<int, PlannerLimitExceededException> refusal;

    /// <param name="capacity">How many states to make room for at once (growing the tables copies them).</param>
    public BreadthFirstStates(TState start, int cap, Func<int, PlannerLimitExceededException> refusal, int capacity = 0)
    {
        ids = new Dictionary<TState, int>(capacity);
        states = new List<TState>(capacity);
        depth = new List<int>(capacity);
        this.cap = cap;
        this.refusal = refusal;
        ids.Add(start, 0);
        states.Add(start);
        depth.Add(0);
    }

    public int Count => states.Count;

    public TState this[int id] => states[id];

    /// <summary>The state ids, for finding a state again once enumerated.</summary>
    public Dictionary<TState, int> Ids => ids;

    public int DepthOf(int id) => depth[id];

    /// <summary>The id of <paramref name="successor"/>, a step after state <paramref name="from"/>; a new state is numbered next.</summary>
    public int Successor(TState successor, int from)
    {
        if (ids.TryGetValue(successor, out var id))
        {
            return id;
        }
        id = states.Count;
        if (id >= cap)
        {
            throw refusal(id);
        }
        ids.Add(successor, id);
        states.Add(successor);
        depth.Add(depth[from] + 1);
        return id;
    }

    public int[] Depths() => [.. depth];
}
