using MesaSpec.Gridworld.Levels;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Where the agent was, step by step, relative to each candidate's target: for every step of every episode (and
/// the cell it ended on), the offset from the nearest cell the candidate's goal points at on that level at its
/// start (<see cref="ObjectiveTargets"/>, Manhattan distance; the first such cell on a tie) to the agent's cell,
/// counted on a grid of offsets twice the level's size less one, whose centre is the target. Summed over levels
/// whose walls and targets differ, it shows whether an agent gathers around the base objective's target or a
/// proxy's (jaxgmg's heat maps by position relative to the cheese and to the corner). A candidate without a target
/// (an objective that only counts steps, say) counts nothing.
/// </summary>
public sealed class RelativeVisits
{
    private readonly IReadOnlyList<Level> levels;
    private readonly IReadOnlyList<Language.Model.ObjectiveModel> candidates;
    private readonly int levelWidth;
    private readonly int levelHeight;
    private readonly int[]?[][] targetsOf; // [episode][candidate], computed when the episode first counts

    public RelativeVisits(IReadOnlyList<Level> levels, IReadOnlyList<Language.Model.ObjectiveModel> candidates, int levelWidth, int levelHeight)
    {
        this.levels = levels;
        this.candidates = candidates;
        this.levelWidth = levelWidth;
        this.levelHeight = levelHeight;
        targetsOf = new int[]?[levels.Count][];
        Width = 2 * levelWidth - 1;
        Height = 2 * levelHeight - 1;
        Counts = candidates.Select(_ => new int[Width * Height]).ToArray();
    }

    /// <summary>Columns of the offset grid: offset dx sits at column dx + level width - 1.</summary>
    public int Width { get; }

    public int Height { get; }

    /// <summary>Per candidate, row-major over the offset grid (dy + level height - 1, dx + level width - 1).</summary>
    public int[][] Counts { get; }

    /// <summary>Counts the agent on <paramref name="cell"/> in episode <paramref name="episode"/> (played on level <paramref name="episode"/>).</summary>
    public void Count(int episode, int cell)
    {
        if (levels[episode].Width != levelWidth || levels[episode].Height != levelHeight)
        {
            return; // a level of another size has no place on this grid of offsets
        }
        var targets = targetsOf[episode] ??= candidates
            .Select(c => ObjectiveTargets.Cells(c.GoalTarget, levels[episode], levels[episode].AllItems).ToArray() is { Length: > 0 } cells ? cells : null)
            .ToArray();
        var (x, y) = (cell % levelWidth, cell / levelWidth);
        for (var c = 0; c < targets.Length; c++)
        {
            if (targets[c] is not { } cells)
            {
                continue;
            }
            var (dx, dy, best) = (0, 0, int.MaxValue);
            foreach (var target in cells)
            {
                var (tx, ty) = (target % levelWidth, target / levelWidth);
                var distance = Math.Abs(x - tx) + Math.Abs(y - ty);
                if (distance < best)
                {
                    (dx, dy, best) = (x - tx, y - ty, distance);
                }
            }
            Counts[c][(dy + levelHeight - 1) * Width + dx + levelWidth - 1]++;
        }
    }
}
