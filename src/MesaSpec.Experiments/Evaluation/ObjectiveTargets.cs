using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// The cells of a level an objective's goal points at: a region's cells, or the cells of the items still there
/// whose kind, colour or shape it names. Probe features read it (the nearest target), and the report marks it on
/// sample levels.
/// </summary>
public static class ObjectiveTargets
{
    public static IEnumerable<int> Cells(TargetModel? target, Level level, ulong aliveItems)
    {
        switch (target)
        {
            case RegionTarget region:
                foreach (var (x, y) in RegionMath.Cells(region.Region, level.Width, level.Height))
                {
                    yield return level.Cell(x, y);
                }
                break;
            case null:
                break;
            default:
                for (var item = 0; item < level.ItemCells.Length; item++)
                {
                    if ((aliveItems & (1UL << item)) != 0 && TargetMatcher.MatchesKind(target, level.Items.Kinds[level.Items.KindOfItem[item]]))
                    {
                        yield return level.ItemCells[item];
                    }
                }
                break;
        }
    }
}
