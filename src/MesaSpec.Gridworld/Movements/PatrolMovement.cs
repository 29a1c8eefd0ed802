using MesaSpec.Language.Catalogue;

namespace MesaSpec.Gridworld.Movements;

/// <summary>
/// <c>patrol(route: [cell(x, y), ...])</c>: toward the current waypoint of a cyclic route, the next becoming current on
/// arrival. The current waypoint's index is the item's memory, so the rule needs nothing but its cell and that index.
/// </summary>
public sealed class PatrolMovement : IMovementComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Patrol;

    public IMovement Create(ComponentArguments arguments, MovementContext context)
    {
        var route = arguments.CellList("route");
        if (route.Count < 2)
        {
            throw arguments.Invalid("route", "[" + string.Join(", ", route) + "]", "holds at least two waypoints");
        }
        return new Patrol([.. route.Select(context.CellIndex)], arguments.PositiveInt("every"));
    }

    private sealed class Patrol(int[] waypoints, int every) : IMovement
    {
        public int Period => every;

        public int MemoryStates => waypoints.Length;

        // Without memory the patrol starts out for the first waypoint, as every episode does.
        public int Move(int cell, IMovementGrid grid, IRandomSource random)
        {
            var current = 0;
            return Move(cell, ref current, grid, random);
        }

        public int Move(int cell, ref int memory, IMovementGrid grid, IRandomSource random)
        {
            if ((grid.Step + 1) % every != 0)
            {
                return cell;
            }
            // From the current waypoint on, in route order: the first that is elsewhere and reachable is where it heads.
            // A waypoint it stands on counts as reached (an item that spawned on its first waypoint heads for the second).
            for (var k = 0; k < waypoints.Length; k++)
            {
                var index = (memory + k) % waypoints.Length;
                var waypoint = waypoints[index];
                if (waypoint == cell)
                {
                    continue;
                }
                var next = grid.StepTowardCell(cell, waypoint);
                if (next == cell)
                {
                    continue; // cannot reach it from here: walls never move, so it never will
                }
                memory = next == waypoint ? (index + 1) % waypoints.Length : index;
                return next;
            }
            return cell;
        }
    }
}
