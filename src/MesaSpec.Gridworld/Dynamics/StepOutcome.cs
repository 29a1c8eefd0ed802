namespace MesaSpec.Gridworld.Dynamics;

/// <summary>What happened to the item the agent stepped onto.</summary>
public enum ItemEffect : byte
{
    None,
    Collected,
    Opened,
    Touched,
}

/// <summary>
/// The events of one step, compactly: the cell the agent entered (-1 when the move was blocked), the
/// item on it (-1 when none) and what happened to that item. A cell holds at most one item that stays put, so
/// this is every event of the agent's move: Reaches(cell), Reaches(item), and one of Collects/Opens/Touches.
/// Entities (moving items and monsters) add contacts: the ones the agent walked into (<see cref="Entered"/>,
/// resolved first) and the ones in its cell once they have moved, lowest item first in each group; a monster's
/// contact with a shield held uses the shield up and destroys the monster (<see cref="Absorbed"/>). The inventory
/// before the move (<see cref="HeldBefore"/>) and after it (<see cref="HeldAfterMove"/>, before any contact) let an
/// objective read "holds" at the moment of each event.
/// </summary>
public readonly record struct StepOutcome(int Cell, int Item, ItemEffect Effect)
{
    public static StepOutcome Blocked => new(-1, -1, ItemEffect.None);

    public bool Moved => Cell >= 0;

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
    public bool EndsEpisode => Effect == ItemEffect.Touched || HazardContact;
}
