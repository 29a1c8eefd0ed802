using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Catalogue;

namespace MesaSpec.Gridworld.Movements;

/// <summary>
/// The episode as movements see it, with breadth-first shortest paths through the walls. One instance per environment
/// or planner, pointed at a slot's state before its items move (<see cref="Bind"/>); its buffers are reused, so moving
/// allocates nothing. Not thread-safe.
/// </summary>
public sealed class MovementGrid : IMovementGrid
{
    private readonly int[] neighbours;
    private readonly int[] visited;   // stamp of the search that reached each cell
    private readonly int[] distance;
    private readonly int[] firstStep;
    private readonly int[] queue;
    private readonly int[] targetStamp;
    private int stamp;
    private Level level = null!;
    private ulong alive;
    private int[] entityCells = [];
    private int entityOffset;

    public MovementGrid(int width, int height, int[] neighbours)
    {
        Width = width;
        Height = height;
        this.neighbours = neighbours;
        var cells = width * height;
        visited = new int[cells];
        distance = new int[cells];
        firstStep = new int[cells];
        queue = new int[cells];
        targetStamp = new int[cells];
    }

    public int Width { get; }

    public int Height { get; }

    public int AgentCell { get; private set; }

    public int Step { get; private set; }

    /// <summary>Points the grid at one episode: its level, the agent's cell, the items present, the entities' cells (<paramref name="entityCells"/> from <paramref name="offset"/>) and the step being taken.</summary>
    public void Bind(Level level, int agentCell, ulong alive, int[] entityCells, int offset, int step)
    {
        Step = step;
        this.level = level;
        AgentCell = agentCell;
        this.alive = alive;
        this.entityCells = entityCells;
        entityOffset = offset;
    }

    public int Neighbour(int cell, int direction)
    {
        var next = neighbours[cell * 4 + direction];
        return next < 0 || level.Walls[next] ? -1 : next;
    }

    public bool IsPresent(MovementTarget target)
    {
        if (target.IsAgent)
        {
            return true;
        }
        var items = level.Items;
        for (var i = 0; i < items.ItemCount; i++)
        {
            if (items.KindOfItem[i] == target.Kind && (alive & (1UL << i)) != 0)
            {
                return true;
            }
        }
        return false;
    }

    public int StepToward(int from, MovementTarget target) => StepTowardMarked(from, MarkTargets(target));

    public int StepTowardCell(int from, int cell)
    {
        var mark = NextStamp();
        targetStamp[cell] = mark;
        return StepTowardMarked(from, mark);
    }

    /// <summary>The first step of a shortest path from <paramref name="from"/> to the nearest cell stamped <paramref name="mark"/>.</summary>
    private int StepTowardMarked(int from, int mark)
    {
        if (targetStamp[from] == mark)
        {
            return from;
        }
        var search = NextStamp();
        visited[from] = search;
        int head = 0, tail = 0;
        for (var d = 0; d < 4; d++)
        {
            var next = Neighbour(from, d);
            if (next >= 0 && visited[next] != search)
            {
                if (targetStamp[next] == mark)
                {
                    return next;
                }
                visited[next] = search;
                firstStep[next] = next;
                queue[tail++] = next;
            }
        }
        while (head < tail)
        {
            var cell = queue[head++];
            for (var d = 0; d < 4; d++)
            {
                var next = Neighbour(cell, d);
                if (next < 0 || visited[next] == search)
                {
                    continue;
                }
                if (targetStamp[next] == mark)
                {
                    return firstStep[cell];
                }
                visited[next] = search;
                firstStep[next] = firstStep[cell];
                queue[tail++] = next;
            }
        }
        return from;
    }

    public int StepAway(int from, MovementTarget target)
    {
        var mark = MarkTargets(target);
        // Distances from every target cell at once (a multi-source search).
        var search = NextStamp();
        int head = 0, tail = 0;
        for (var cell = 0; cell < targetStamp.Length; cell++)
        {
            if (targetStamp[cell] == mark)
            {
                visited[cell] = search;
                distance[cell] = 0;
                queue[tail++] = cell;
            }
        }
        while (head < tail)
        {
            var cell = queue[head++];
            for (var d = 0; d < 4; d++)
            {
                var next = Neighbour(cell, d);
                if (next >= 0 && visited[next] != search)
                {
                    visited[next] = search;
                    distance[next] = distance[cell] + 1;
                    queue[tail++] = next;
                }
            }
        }
        if (visited[from] != search)
        {
            return from; // no target can reach it: nothing to flee
        }
        int best = from, bestDistance = distance[from];
        for (var d = 0; d < 4; d++)
        {
            var next = Neighbour(from, d);
            if (next >= 0 && distance[next] > bestDistance)
            {
                best = next;
                bestDistance = distance[next];
            }
        }
        return best;
    }

    private int NextStamp()
    {
        if (stamp == int.MaxValue)
        {
            // Stamps are never compared across a wrap: start again from clean marks.
            Array.Clear(visited);
            Array.Clear(targetStamp);
            stamp = 0;
        }
        return ++stamp;
    }

    /// <summary>Stamps the target's cells with a fresh mark and returns it.</summary>
    private int MarkTargets(MovementTarget target)
    {
        var mark = NextStamp();
        if (target.IsAgent)
        {
            targetStamp[AgentCell] = mark;
            return mark;
        }
        var items = level.Items;
        for (var i = 0; i < items.ItemCount; i++)
        {
            if (items.KindOfItem[i] == target.Kind && (alive & (1UL << i)) != 0)
            {
                var entity = items.EntityOfItem[i];
                targetStamp[entity >= 0 ? entityCells[entityOffset + entity] : level.ItemCells[i]] = mark;
            }
        }
        return mark;
    }
}
