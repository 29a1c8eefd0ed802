using MesaSpec.Experiments.Evaluation;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Probes;

/// <summary>
/// One state of an episode as probe features see it: the level, the agent's cell, the items still there, and for
/// each objective its nearest target cell by shortest path through the walls (items do not block), computed once.
/// </summary>
public sealed class ProbeState
{
    private readonly int[] distance;
    private readonly Dictionary<ObjectiveModel, (int Cell, int Distance)?> nearest = [];

    public ProbeState(EnvironmentModel environment, Level level, int agentCell, ulong aliveItems, int[] neighbours)
    {
        Environment = environment;
        Level = level;
        AgentCell = agentCell;
        AliveItems = aliveItems;
        distance = Distances(level, agentCell, neighbours);
    }

    public EnvironmentModel Environment { get; }

    public Level Level { get; }

    public int AgentCell { get; }

    public ulong AliveItems { get; }

    /// <summary>The objective's target cell nearest the agent (lowest cell index on ties) and its distance; null when none is reachable.</summary>
    public (int Cell, int Distance)? Nearest(ObjectiveModel objective)
    {
        if (!nearest.TryGetValue(objective, out var found))
        {
            found = null;
            foreach (var cell in ObjectiveTargets.Cells(objective.GoalTarget, Level, AliveItems))
            {
                var d = distance[cell];
                if (d >= 0 && (found is null || d < found.Value.Distance || (d == found.Value.Distance && cell < found.Value.Cell)))
                {
                    found = (cell, d);
                }
            }
            nearest[objective] = found;
        }
        return found;
    }

    /// <summary>Breadth-first steps from the agent to every cell (-1: unreachable or a wall).</summary>
    private static int[] Distances(Level level, int start, int[] neighbours)
    {
        var result = new int[level.CellCount];
        Array.Fill(result, -1);
        var queue = new Queue<int>();
        result[start] = 0;
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var cell = queue.Dequeue();
            for (var a = 0; a < GridRules.ActionCount; a++)
            {
                var next = neighbours[cell * GridRules.ActionCount + a];
                if (next >= 0 && !level.Walls[next] && result[next] < 0)
                {
                    result[next] = result[cell] + 1;
                    queue.Enqueue(next);
                }
            }
        }
        return result;
    }
}
