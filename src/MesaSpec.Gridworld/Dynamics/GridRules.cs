using System.Runtime.CompilerServices;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Dynamics;

/// <summary>
/// The transition rules, shared by the batched environment and the planner so both mean the same thing.
/// Actions: 0 up, 1 right, 2 down, 3 left. Walls and grid edges block (the agent stays, no event).
/// Entering a cell reaches it and every item on it; items that share a cell (one placed <c>on</c> another) are resolved
/// one after the other in item order (kind by kind in declaration order), in the same step. Collectables and keys are collected (keys go to the
/// inventory); a chest is opened, using up a key, when a matching key is held (a key naming the chest's
/// kind before a universal one, lowest item index first), and otherwise stays closed but can be stood on;
/// a hazard is touched (the caller ends the episode); a static item only fires Reaches; a shield is collected into
/// the inventory like a key.
/// Reaching fires on entering, not on staying: bumping into a wall next to an item does not reach it again.
/// Entities (items that move, and monsters) have a cell of their own each step, not the level's: after the agent's
/// move, entering an entity's cell touches it; then every entity present moves (lowest item first, by its
/// movement); then every entity in the agent's cell that has not touched it this step does. A monster's contact
/// uses up a held shield (the lowest) and destroys the monster; without one the monster stays. A moving hazard's
/// contact ends the episode like a hazard's.
/// </summary>
public static class GridRules
{
    public const int ActionCount = 4;

    private static readonly int[] Dx = [0, 1, 0, -1];
    private static readonly int[] Dy = [-1, 0, 1, 0];

    /// <summary>Target cell of each (cell, action) on a width x height grid, -1 off the grid: <c>table[cell * 4 + action]</c>.</summary>
    public static int[] NeighbourTable(int width, int height)
    {
        var table = new int[width * height * ActionCount];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var a = 0; a < ActionCount; a++)
                {
                    int nx = x + Dx[a], ny = y + Dy[a];
                    table[(y * width + x) * ActionCount + a] = nx < 0 || ny < 0 || nx >= width || ny >= height ? -1 : ny * width + nx;
                }
            }
        }
        return table;
    }

    /// <summary>One step of a level without entities (tests and callers that know there are none).</summary>
    public static StepOutcome Apply(Level level, int[] neighbours, int action, ref int agentCell, ref ulong alive, ref ulong held)
    {
        if (level.Items.EntityCount > 0)
        {
            throw new InvalidOperationException("this level has entities: step it with their cells and a movement grid");
        }
        return Apply(level, neighbours, action, ref agentCell, ref alive, ref held, [], [], 0, null, null, 0);
    }

    /// <summary>
    /// One step. <paramref name="entityCells"/> from <paramref name="offset"/> holds the cells of the level's entities
    /// (<see cref="ItemKinds.EntityItems"/>) and is updated, as is their movements' memory in <paramref name="entityMemory"/>
    /// (same layout, <see cref="Language.Catalogue.IMovement.MemoryStates"/>); <paramref name="grid"/> serves their movements and
    /// <paramref name="random"/> is the episode's stream (only random movements draw from it).
    /// </summary>
    public static StepOutcome Apply(Level level, int[] neighbours, int action, ref int agentCell, ref ulong alive, ref ulong held,
        int[] entityCells, int[] entityMemory, int offset, Movements.MovementGrid? grid, Language.Catalogue.IRandomSource? random, int step)
    {
        var heldBefore = held;
        var aliveBefore = alive;
        var outcome = MoveAgent(level, neighbours, action, ref agentCell, ref alive, ref held);
        var items = level.Items;
        if (items.EntityCount == 0)
        {
            return outcome with { HeldBefore = heldBefore, HeldAfterMove = held, AliveBefore = aliveBefore };
        }
        var heldAfterMove = held;
        ulong entered = 0, contacts = 0, absorbed = 0;
        var hazard = false;
        var entities = items.EntityItems;
        if (outcome.Moved)
        {
            for (var e = 0; e < entities.Length; e++)
            {
                if (entityCells[offset + e] == agentCell && (alive & (1UL << entities[e])) != 0)
                {
                    entered |= 1UL << entities[e];
                    Touch(items, entities[e], ref alive, ref held, ref contacts, ref absorbed, ref hazard);
                }
            }
        }
        if (grid is not null)
        {
            grid.Bind(level, agentCell, alive, entityCells, offset, step);
            for (var e = 0; e < entities.Length; e++)
            {
                var item = entities[e];
                if ((alive & (1UL << item)) == 0 || items.Movements[items.KindOfItem[item]] is not { } movement)
                {
                    continue;
                }
                var cell = entityCells[offset + e];
                var next = movement.Move(cell, ref entityMemory[offset + e], grid, random!);
                if (next != cell && !IsStep(grid, cell, next))
                {
                    throw new LevelGenerationException(items.EnvironmentName, items.Kinds[items.KindOfItem[item]].Movement!.Name, null,
                        $"environment '{items.EnvironmentName}': the movement of item '{items.Kinds[items.KindOfItem[item]].Kind}' went from cell {cell} to {next}, which is not an open neighbour");
                }
                entityCells[offset + e] = next;
            }
        }
        for (var e = 0; e < entities.Length; e++)
        {
            var bit = 1UL << entities[e];
            if (entityCells[offset + e] == agentCell && (alive & bit) != 0 && (contacts & bit) == 0)
            {
                Touch(items, entities[e], ref alive, ref held, ref contacts, ref absorbed, ref hazard);
            }
        }
        return outcome with
        {
            HeldBefore = heldBefore,
            AliveBefore = aliveBefore,
            HeldAfterMove = heldAfterMove,
            Entered = entered,
            Contacts = contacts,
            Absorbed = absorbed,
            HazardContact = hazard,
        };
    }

    /// <summary>Uses up the lowest held shield, if any: the one rule both the dynamics and the scoring of "holds" follow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool UseShield(ref ulong held, ulong shieldMask)
    {
        var shields = held & shieldMask;
        if (shields == 0)
        {
            return false;
        }
        held &= ~(shields & (~shields + 1));
        return true;
    }

    private static void Touch(ItemKinds items, int item, ref ulong alive, ref ulong held, ref ulong contacts, ref ulong absorbed, ref bool hazard)
    {
        var bit = 1UL << item;
        contacts |= bit;
        switch (items.Behaviour[items.KindOfItem[item]])
        {
            case ItemBehaviour.Monster when UseShield(ref held, items.ShieldMask):
                alive &= ~bit;
                absorbed |= bit;
                break;
            case ItemBehaviour.Hazard:
                hazard = true;
                break;
        }
    }

    private static bool IsStep(Movements.MovementGrid grid, int from, int to)
    {
        for (var d = 0; d < ActionCount; d++)
        {
            if (grid.Neighbour(from, d) == to)
            {
                return true;
            }
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static StepOutcome MoveAgent(Level level, int[] neighbours, int action, ref int agentCell, ref ulong alive, ref ulong held)
    {
        var target = neighbours[agentCell * ActionCount + action];
        if (target < 0 || level.Walls[target])
        {
            return StepOutcome.Blocked;
        }
        agentCell = target;
        var items = level.Items;
        // An entity's level cell is only where it spawned; its contacts are resolved with its own cell.
        var here = level.ItemsAt[target] & alive & ~items.EntityMask;
        ulong collected = 0, opened = 0, touched = 0;
        // Items that share the cell (one placed on another) are resolved in item order, each seeing what the earlier
        // ones did: a key below a chest in item order is picked up and opens it in the same step.
        for (var remaining = here; remaining != 0; remaining &= remaining - 1)
        {
            var item = System.Numerics.BitOperations.TrailingZeroCount(remaining);
            var bit = 1UL << item;
            switch (items.Behaviour[items.KindOfItem[item]])
            {
                case ItemBehaviour.Collectable:
                    alive &= ~bit;
                    collected |= bit;
                    break;
                case ItemBehaviour.Key or ItemBehaviour.Shield:
                    alive &= ~bit;
                    held |= bit;
                    collected |= bit;
                    break;
                case ItemBehaviour.Chest:
                    var keys = held & items.SpecificKeys[item];
                    if (keys == 0)
                    {
                        keys = held & items.UniversalKeys[item];
                    }
                    if (keys != 0)
                    {
                        held &= ~(keys & (~keys + 1)); // the lowest matching key
                        alive &= ~bit;
                        opened |= bit;
                    }
                    break;
                case ItemBehaviour.Hazard:
                    touched |= bit;
                    break;
            }
        }
        return new StepOutcome(target, here) { Collected = collected, Opened = opened, Touched = touched };
    }
}
