using MesaSpec.Gridworld.Components;
using MesaSpec.Gridworld.Levels.Walls;
using MesaSpec.Language.Catalogue;

[assembly: ComponentImplementations(typeof(GridworldComponents))]

namespace MesaSpec.Gridworld.Components;

/// <summary>
/// The Gridworld's registry entries (wall generators, curricula), declared through <see cref="ComponentImplementationsAttribute"/>
/// exactly as a plugin declares its own.
/// </summary>
public sealed class GridworldComponents : IComponentImplementations
{
    /// <summary>The built-in entries, for models built without a host (tests, the editor's preview).</summary>
    public static ComponentCatalog Builtin { get; } = new([new BuiltinComponents()], new GridworldComponents().GetEntries());

    public IEnumerable<IComponentEntry> GetEntries() => [new MazeWalls(), new RoomsWalls(), new BorderWalls(), new Curricula.PlrCurriculum(),
        new Movements.ChaseMovement(), new Movements.FleeMovement(), new Movements.LeadMovement(),
        new Movements.PatrolMovement(), new Movements.WanderMovement()];
}
