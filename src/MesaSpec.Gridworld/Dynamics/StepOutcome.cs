namespace MesaSpec.Gridworld.Dynamics;

/// <summary>What happened to an item the agent stepped onto.</summary>
public enum ItemEffect : byte
{
    None,
    Collected,
    Opened,
    Touched,
}

/// <summary>
/// The events of one step, compactly: the cell the agent entered (-1 when the move was blocked), the items that stay
/// put on it (<see cref="Reached"/>, a mask: several when items were placed <c>on</c> one another) and what happened to
/// each (<see cref="Collected"/>, <see cref="Opened"/>, <see cref="Touched"/>; an item in none of them was only reached).
/// This is every event of the agent's move: Reaches(cell), and per item, in item order, Reaches(item) and one of
/// Collects/Opens/Touches.
/// Entities (moving items and monsters) add contacts: the ones the agent walked into (<see cref="Entered"/>,
/// resolved first) and the ones in its cell once they have moved, lowest item first in each group; a monster's
/// contact with a shield held uses the shield up and destroys the monster (<see cref="Absorbed"/>). The inventory
/// before the move (<see cref="HeldBefore"/>) and after it (<see cref="HeldAfterMove"/>, before any contact) let an
/// objective read "holds" at the moment of each event.
/// </summary>
public readonly record struct StepOutcome(int Cell, ulong Reached)
{
    public static StepOutcome Blocked => new(-1, 0);

    public bool Moved => Cell >= 0;

    /// <summary>The reached items that were collected (collectables, keys, shields).</summary>
    public ulong Collected { get; init; }

    /// <summary>The reached chests that a held key opened.</summary>
    public ulong Opened { get; init; }

    /// <summary>The reached hazards.</summary>
    public ulong Touched { get; init; }

    /// <summary>The lowest reached item, or -1 (the only one unless items share the cell).</summary>
    public int Item => Reached == 0 ? -1 : System.Numerics.BitOperations.TrailingZeroCount(Reached);

    /// <summary>What happened to <see cref="Item"/>.</summary>
    public ItemEffect Effect => Item < 0 ? ItemEffect.None : EffectOn(Item);

    /// <summary>What happened to a reached item.</summary>
    public ItemEffect EffectOn(int item)
    {
        var bit = 1UL << item;
        return (Collected & bit) != 0 ? ItemEffect.Collected
            : (Opened & bit) != 0 ? ItemEffect.Opened
            : (Touched & bit) != 0 ? ItemEffect.Touched
            : ItemEffect.None;
    }

    public ulong HeldBefore { get; init; }

    public ulong HeldAfterMove { get; init; }

    /// <summary>The items on the grid before this step (an objective's <c>after apple</c> reads it: every apple gone earlier).</summary>
    public ulong AliveBefore { get; init; }

    /// <summary>Entities whose cell the agent entered (their contacts come first).</summary>
    public ulong Entered { get; init; }

    /// <summary>Every entity that touched the agent this step (<see cref="Entered"/> included).</summary>
    public ulong Contacts { get; init; }

    /// <summary>Monsters destroyed by a held shield this step (one shield each).</summary>
    public ulong Absorbed { get; init; }

    /// <summary>A moving hazard touched the agent.</summary>
    public bool HazardContact { get; init; }

    /// <summary>A hazard was touched, which always ends the episode.</summary>
    public bool EndsEpisode => Touched != 0 || HazardContact;
}
