using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// An upper bound on the states the exact planner can enumerate for a level, from its layout alone, without planning:
/// the agent's cells within the horizon × each item's possible conditions (on the grid or gone; a key or shield also
/// held) × each entity's cells within the horizon (and gone, for a monster a shield can destroy) × the values its
/// movement's memory takes (a patrol's route length) × the movements' phase × which scored objectives have ended on their own × their reward counters, and never more than the action
/// sequences of the horizon. Each factor counts what a planner state holds (<see cref="PlannerState"/>), so the real
/// count never exceeds it; it can be far below (where the entities are follows from where the agent went).
/// </summary>
public static class PlannerStateEstimate
{
    /// <summary>The bound for planning <paramref name="scored"/> in episodes ended by <paramref name="terminating"/>'s rules.</summary>
    public static double UpperBound(Level level, int horizon, ObjectiveModel terminating, IReadOnlyList<ObjectiveModel> scored)
    {
        var items = level.Items;
        var neighbours = GridRules.NeighbourTable(level.Width, level.Height);
        var bound = (double)CellsWithin(level, neighbours, level.AgentCell, horizon) * items.MovementPeriod;
        for (var item = 0; item < items.ItemCount; item++)
        {
            bound *= Conditions(level, neighbours, item, horizon);
        }
        foreach (var objective in scored)
        {
            if (objective.Ends.Count > 0 && !ReferenceEquals(objective, terminating))
            {
                bound *= 2; // ended on its own while the episode goes on
            }
            foreach (var reward in objective.Rewards)
            {
                bound *= (reward.AtMost ?? 0) + 1;
            }
        }
        return Math.Min(bound, ActionSequences(horizon));
    }

    /// <summary>How many distinct parts of a planner state one item can contribute.</summary>
    private static double Conditions(Level level, int[] neighbours, int item, int horizon)
    {
        var items = level.Items;
        var bit = 1UL << item;
        var behaviour = items.Behaviour[items.KindOfItem[item]];
        if ((items.EntityMask & bit) != 0)
        {
            // Only a monster leaves the grid while it moves, destroyed by a held shield.
            var gone = behaviour == ItemBehaviour.Monster && items.ShieldMask != 0 ? 1 : 0;
            return (CellsWithin(level, neighbours, level.ItemCells[item], horizon) + gone) * items.EntityMemoryStates[items.EntityOfItem[item]];
        }
        if ((items.MutableMask & bit) == 0)
        {
            return 1;
        }
        return behaviour switch
        {
            ItemBehaviour.Key when OpensAny(items, item) => 3,    // on the grid, held, used
            ItemBehaviour.Shield when items.MonsterMask != 0 => 3,
            _ => 2,                                               // on the grid, gone (or held, for a key nothing opens)
        };
    }

    private static bool OpensAny(ItemKinds items, int key)
    {
        for (var chest = 0; chest < items.ItemCount; chest++)
        {
            if (((items.SpecificKeys[chest] | items.UniversalKeys[chest]) & (1UL << key)) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The open cells within <paramref name="steps"/> moves of <paramref name="start"/> (walls block; items do not).</summary>
    private static int CellsWithin(Level level, int[] neighbours, int start, int steps)
    {
        var distance = new int[level.CellCount];
        Array.Fill(distance, -1);
        distance[start] = 0;
        var queue = new Queue<int>([start]);
        var count = 1;
        while (queue.TryDequeue(out var cell))
        {
            if (distance[cell] >= steps)
            {
                continue;
            }
            for (var a = 0; a < GridRules.ActionCount; a++)
            {
                var next = neighbours[cell * GridRules.ActionCount + a];
                if (next >= 0 && !level.Walls[next] && distance[next] < 0)
                {
                    distance[next] = distance[cell] + 1;
                    queue.Enqueue(next);
                    count++;
                }
            }
        }
        return count;
    }

    /// <summary>1 + 4 + 16 + ... + 4^horizon: no more states than action sequences can reach.</summary>
    private static double ActionSequences(int horizon) => (Math.Pow(GridRules.ActionCount, horizon + 1) - 1) / (GridRules.ActionCount - 1);
}
