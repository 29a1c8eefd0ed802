using MesaSpec.Gridworld.Levels;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>The cells a sample level's maps place the agent on: free of walls and of items (an item's cell would be collected on the spot).</summary>
public static class StartCells
{
    public static IEnumerable<int> Free(Level level) =>
        Enumerable.Range(0, level.CellCount).Where(c => !level.Walls[c] && level.ItemsAt[c] == 0);
}
