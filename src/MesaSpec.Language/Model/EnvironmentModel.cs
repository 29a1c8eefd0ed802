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
    IReadOnlyList<(int X, int Y)>? FixedCells);

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
}
