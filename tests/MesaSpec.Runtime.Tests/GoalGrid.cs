using MesaSpec.Gridworld;

namespace MesaSpec.Runtime.Tests;

/// <summary>
/// A test environment standing in for the real gridworld: on an open <c>size x size</c> grid the agent must
/// walk to a goal cell placed at random. Reward 1 for reaching it (the episode ends), 0 otherwise; episodes
/// are cut at <c>horizon</c>. Observations are two one-hot channels (agent, goal).
/// </summary>
internal sealed class GoalGrid : IVectorEnvironment
{
    private readonly int size;
    private readonly int horizon;
    private readonly Random random;
    private readonly (int X, int Y)[] agents;
    private readonly (int X, int Y)[] goals;
    private readonly int[] elapsed;

    public GoalGrid(int count, int seed, int size = 5, int horizon = 20)
    {
        this.size = size;
        this.horizon = horizon;
        random = new Random(seed);
        agents = new (int, int)[count];
        goals = new (int, int)[count];
        elapsed = new int[count];
        for (var e = 0; e < count; e++)
        {
            Reset(e);
        }
    }

    /// <summary>Reward given on reaching the goal; a test sets it to NaN to provoke a diverging loss.</summary>
    public float GoalReward { get; init; } = 1f;

    public int Count => agents.Length;

    public ObservationShape ObservationShape => new(2, size, size);

    public int ActionCount => 4;

    /// <summary>The slots whose episodes the trainer must not learn from (a robust curriculum's fresh levels); none by default.</summary>
    public Func<int, bool>? Withheld { get; init; }

    public bool TrainsOn(int slot) => Withheld is not { } withheld || !withheld(slot);

    public int StepIndex(int slot) => elapsed[slot];

    public void Observe(Span<float> destination)
    {
        var cells = size * size;
        destination[..(Count * 2 * cells)].Clear();
        for (var e = 0; e < Count; e++)
        {
            var offset = e * 2 * cells;
            destination[offset + agents[e].Y * size + agents[e].X] = 1;
            destination[offset + cells + goals[e].Y * size + goals[e].X] = 1;
        }
    }

    public void Step(ReadOnlySpan<int> actions, Span<float> rewards, Span<bool> dones, Span<bool> truncated)
    {
        for (var e = 0; e < Count; e++)
        {
            var (x, y) = agents[e];
            (x, y) = actions[e] switch
            {
                0 => (x, y - 1),
                1 => (x + 1, y),
                2 => (x, y + 1),
                _ => (x - 1, y),
            };
            agents[e] = (Math.Clamp(x, 0, size - 1), Math.Clamp(y, 0, size - 1));
            elapsed[e]++;
            var reached = agents[e] == goals[e];
            rewards[e] = reached ? GoalReward : 0f;
            truncated[e] = !reached && elapsed[e] >= horizon;
            dones[e] = reached || truncated[e];
            if (dones[e])
            {
                Reset(e);
            }
        }
    }

    private void Reset(int e)
    {
        goals[e] = (random.Next(size), random.Next(size));
        do
        {
            agents[e] = (random.Next(size), random.Next(size));
        }
        while (agents[e] == goals[e]);
        elapsed[e] = 0;
    }
}
