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
/// item on it (-1 when none) and what happened to that item. A cell holds at most one item, so this is
/// every event a step can produce: Reaches(cell), Reaches(item), and one of Collects/Opens/Touches.
/// </summary>
public readonly record struct StepOutcome(int Cell, int Item, ItemEffect Effect)
{
    public static StepOutcome Blocked => new(-1, -1, ItemEffect.None);

    public bool Moved => Cell >= 0;
}
