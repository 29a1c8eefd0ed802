namespace MesaSpec.Language.Model;

/// <summary>What an item does when the agent steps onto its cell.</summary>
public enum ItemBehaviour
{
    /// <summary>Consumed on contact (removed from the grid). The default.</summary>
    Collectable,
    /// <summary>Stays on the grid; reaching it fires every time the agent enters its cell.</summary>
    Static,
    /// <summary>Picked up into the inventory; opens one chest of the kind it names (any chest when unnamed).</summary>
    Key,
    /// <summary>Opened (and removed) when the agent enters it holding a matching key; otherwise stays closed.</summary>
    Chest,
    /// <summary>Ends the episode when touched.</summary>
    Hazard,
    /// <summary>
    /// Touched on contact (the agent enters its cell or it enters the agent's), without ending the episode; a held
    /// shield absorbs the contact and is used up, and the monster is destroyed (Shah et al. 2022's Monster Gridworld).
    /// </summary>
    Monster,
    /// <summary>Picked up into the inventory; absorbs one contact with a monster.</summary>
    Shield,
}

public static class ItemBehaviourFacts
{
    /// <summary>Whether the agent carries such an item once collected (keys and shields), so an objective can ask whether it holds one.</summary>
    public static bool IsHeld(this ItemBehaviour behaviour) => behaviour is ItemBehaviour.Key or ItemBehaviour.Shield;

    /// <summary>Whether an item of this behaviour can leave the grid during an episode (collected, opened, or a monster a shield destroys).</summary>
    public static bool CanGo(this ItemBehaviour behaviour) => behaviour is not (ItemBehaviour.Static or ItemBehaviour.Hazard);
}

/// <summary>
/// One item kind of an environment, after <c>extends</c> and parameters are resolved.
/// A kind placed by a layout has <see cref="FixedCells"/> and ignores <see cref="Spawn"/>/<see cref="Count"/>.
/// </summary>
public sealed record ItemModel(
    string Kind,
    int Count,
    RegionModel Spawn,
    string? Colour,
    string? Shape,
    ItemBehaviour Behaviour,
    string? Opens,
    IReadOnlyList<(int X, int Y)>? FixedCells)
{
    /// <summary>
    /// How the item moves each step (<c>moves chase(agent)</c>): a movement component of the catalogue, or null for an
    /// item that stays where it spawned. A moving item is an entity: it has its own cell every step.
    /// </summary>
    public ComponentModel? Movement { get; init; }

    public bool Moves => Movement is not null;

    /// <summary>Whether the agent carries it once collected (keys and shields), and so an objective can ask whether it holds one.</summary>
    public bool IsHeld => Behaviour.IsHeld();

    /// <summary>Whether the item moves at random (its movement draws from the episode's stream).</summary>
    public bool MovesAtRandom => Movement?.Descriptor?.Stochastic == true;
}

/// <summary>How wall cells are produced.</summary>
public abstract record WallsModel;

/// <summary>An open grid; its edges are the only boundary.</summary>
public sealed record NoWalls : WallsModel;

/// <summary>Walls from a generator component (<c>maze(...)</c>, <c>rooms(...)</c>) looked up in the catalogue.</summary>
public sealed record GeneratedWalls(ComponentModel Generator) : WallsModel;

/// <summary>Walls drawn by a layout; <c>Wall[y][x]</c> is true for a wall.</summary>
public sealed record LayoutWalls(IReadOnlyList<IReadOnlyList<bool>> Wall) : WallsModel;

/// <summary>What the policy sees.</summary>
public abstract record ObservationModel;

/// <summary>The whole grid, one-hot channels per cell.</summary>
public sealed record FullObservation : ObservationModel;

/// <summary>A <c>Size x Size</c> window centred on the agent (Size is odd).</summary>
public sealed record WindowObservation(int Size) : ObservationModel;

/// <summary>
/// A concrete environment: every parameter substituted, every <c>extends</c> applied.
/// This is the contract between the language and the gridworld; nothing here refers to syntax.
/// </summary>
public sealed record EnvironmentModel(
    string Name,
    string DisplayName,
    int Width,
    int Height,
    WallsModel Walls,
    RegionModel AgentSpawn,
    IReadOnlyList<ItemModel> Items,
    int Horizon,
    ObservationModel Observation,
    int? Levels)
{
    /// <summary>Number of distinct item kinds; used for observation channels.</summary>
    public int KindCount => Items.Count;

    /// <summary>
    /// A flag the policy sees on every cell of every level (<c>cue deployment</c>), in a channel of its own that
    /// environments without this cue leave dark: a "training" versus "deployment" signal. Null: no cue.
    /// </summary>
    public string? Cue { get; init; }

    /// <summary>The word that removes an inherited cue (<c>cue none</c>).</summary>
    public const string NoCue = "none";
}
