using MesaSpec.Language.Model;

namespace MesaSpec.Language.Catalogue;

/// <summary>
/// What a movement moves relative to: the agent (<see cref="Kind"/> -1) or the nearest present item of an item kind
/// (its index in the environment's item kinds).
/// </summary>
public readonly record struct MovementTarget(int Kind)
{
    public static MovementTarget Agent => new(-1);

    public bool IsAgent => Kind < 0;
}

/// <summary>The item a movement is created for: its environment, its kind and the environment's item kinds (in order), and the grid's size.</summary>
public sealed record MovementContext(string Environment, string Item, IReadOnlyList<string> ItemKinds)
{
    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>The index of a cell argument on the grid (negative coordinates count from the end); the binder checked it lies inside (MS2044).</summary>
    public int CellIndex(GridCell cell)
    {
        var index = cell.IndexOn(Width, Height);
        return index >= 0 ? index : throw new ComponentArgumentException($"{cell} lies outside the {Width} x {Height} grid of environment '{Environment}'");
    }

    /// <summary>Resolves a target name (<c>agent</c> or an item kind); the binder checked it (MS2030).</summary>
    public MovementTarget Target(string name)
    {
        if (name == "agent")
        {
            return MovementTarget.Agent;
        }
        for (var k = 0; k < ItemKinds.Count; k++)
        {
            if (ItemKinds[k] == name)
            {
                return new MovementTarget(k);
            }
        }
        throw new ComponentArgumentException($"'{name}' is neither 'agent' nor an item kind of environment '{Environment}'");
    }
}

/// <summary>
/// The episode as a movement sees it while one item moves (the Gridworld implements it, with shortest paths through the
/// walls). Cells are <c>y * Width + x</c>; directions 0 up, 1 right, 2 down, 3 left.
/// </summary>
public interface IMovementGrid
{
    int Width { get; }

    int Height { get; }

    /// <summary>The agent's cell after its move this step.</summary>
    int AgentCell { get; }

    /// <summary>The episode's step being taken, from 0 (so a movement can act on some steps only).</summary>
    int Step { get; }

    /// <summary>The open cell one step from <paramref name="cell"/> in <paramref name="direction"/>, or -1 (a wall or the edge).</summary>
    int Neighbour(int cell, int direction);

    /// <summary>The first cell of a shortest path from <paramref name="from"/> to the nearest cell of <paramref name="target"/>; <paramref name="from"/> when there is none or it is there.</summary>
    int StepToward(int from, MovementTarget target);

    /// <summary>The first cell of a shortest path from <paramref name="from"/> to <paramref name="cell"/>; <paramref name="from"/> when it is there or cannot reach it (a wall, or walled off).</summary>
    int StepTowardCell(int from, int cell);

    /// <summary>The neighbour of <paramref name="from"/> farthest from the nearest cell of <paramref name="target"/>, when farther than <paramref name="from"/>; else <paramref name="from"/>.</summary>
    int StepAway(int from, MovementTarget target);

    /// <summary>Whether the target is on the grid: the agent always is; an item kind while one of its items is present.</summary>
    bool IsPresent(MovementTarget target);
}

/// <summary>How one item kind moves: called once per item and step, it returns the item's next cell.</summary>
public interface IMovement
{
    /// <summary>
    /// The item's next cell (an open cell next to <paramref name="cell"/>, or <paramref name="cell"/>). Draw only from
    /// <paramref name="random"/> (the episode's stream, seeded by its level), so an episode replays the same way.
    /// </summary>
    int Move(int cell, IMovementGrid grid, IRandomSource random);

    /// <summary>
    /// How many steps before the movement's rule repeats, when it depends on <see cref="IMovementGrid.Step"/> (1: it
    /// does not). The exact planner keeps the step modulo the periods' least common multiple in its state.
    /// </summary>
    int Period => 1;

    /// <summary>
    /// How many values the item's memory takes (0 to this minus 1), for a rule that remembers something from step to
    /// step (where it is heading); 1: it remembers nothing. Each item's memory starts at 0 in every episode, and the exact
    /// planner keeps it in its state, so the fewer values the smaller the plan.
    /// </summary>
    int MemoryStates => 1;

    /// <summary>
    /// <see cref="Move(int, IMovementGrid, IRandomSource)"/> for a rule with memory: reads and updates the item's
    /// <paramref name="memory"/> (kept below <see cref="MemoryStates"/>). The environment and the planner call this one.
    /// </summary>
    int Move(int cell, ref int memory, IMovementGrid grid, IRandomSource random) => Move(cell, grid, random);
}

/// <summary>An <c>item k moves name(...)</c> component: builds the movement of one item kind from the call's arguments.</summary>
public interface IMovementComponent : IComponentEntry
{
    /// <summary>Throws <see cref="ComponentArgumentException"/> for arguments it cannot use.</summary>
    IMovement Create(ComponentArguments arguments, MovementContext context);
}
