using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Rendering;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Plays a <see cref="RecordedEpisode"/>'s actions again on its level, through the vector environment (the one home of
/// the rules), and keeps every state it passes through: the frames report.html steps through. The level is drawn again
/// from the seed and the episode index as the evaluation drew it; a replay that does not end exactly at the last
/// action (the spec changed since the run) is refused rather than shown wrong.
/// </summary>
public sealed class EpisodeReplay(EvaluationModel evaluation, ObjectiveModel baseObjective)
{
    private readonly Dictionary<int, IReadOnlyList<Level>> levels = [];

    /// <summary>The episode's frames, or null when its level or its actions do not replay to its end.</summary>
    public ReplayedEpisode? Replay(RecordedEpisode episode)
    {
        if (!levels.TryGetValue(episode.Seed, out var seedLevels))
        {
            seedLevels = EvaluationLevels.For(evaluation.Environment, evaluation.Episodes, episode.Seed).Levels;
            levels[episode.Seed] = seedLevels;
        }
        if (episode.Episode < 0 || episode.Episode >= seedLevels.Count || episode.Actions.Length == 0 || episode.Actions.Any(a => a is < '0' or > '3'))
        {
            return null;
        }
        var level = seedLevels[episode.Episode];
        var ending = new EndingCapture(level);
        var environment = new GridVectorEnvironment(evaluation.Environment, baseObjective, 1, level.Items, ending);
        ending.Environment = environment;
        var frames = new List<EpisodeFrame> { Frame(environment, level, environment.AgentCell(0), environment.AliveItems(0), environment.EntityCells(0)) };
        Span<int> action = stackalloc int[1];
        Span<float> reward = stackalloc float[1];
        Span<bool> done = stackalloc bool[1];
        Span<bool> truncated = stackalloc bool[1];
        for (var step = 0; step < episode.Actions.Length; step++)
        {
            action[0] = episode.Actions[step] - '0';
            environment.Step(action, reward, done, truncated);
            if (done[0] != (step == episode.Actions.Length - 1))
            {
                return null; // ended early, or not at the end: these actions are not this level's episode
            }
            frames.Add(done[0] ? ending.Final! : Frame(environment, level, environment.AgentCell(0), environment.AliveItems(0), environment.EntityCells(0)));
        }
        var rows = LevelRenderer.Render(level).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var symbols = LevelRenderer.Symbols(level.Items);
        return new ReplayedEpisode(level.Width, level.Height,
            string.Concat(Enumerable.Range(0, level.CellCount).Select(c => level.Walls[c] ? '#' : '.')),
            string.Concat(level.Items.DrawingOrder.Select(i => symbols[level.Items.KindOfItem[i]])),
            rows[^1].StartsWith("legend:", StringComparison.Ordinal) ? rows[^1]["legend:".Length..].Trim() : "",
            frames);
    }

    /// <summary>Where the agent and every item on the grid are: static items at their cells, moving ones where they went.</summary>
    private static EpisodeFrame Frame(GridVectorEnvironment environment, Level level, int agent, ulong alive, ReadOnlySpan<int> entityCells)
    {
        // In drawing order, bottom to top: the page draws them one after the other, so a stack shows its top item.
        var order = level.Items.DrawingOrder;
        var items = new int[order.Length];
        for (var n = 0; n < items.Length; n++)
        {
            var i = order[n];
            var entity = environment.Items.EntityOfItem[i];
            items[n] = (alive & (1UL << i)) == 0 ? -1 : entity >= 0 ? entityCells[entity] : level.ItemCells[i];
        }
        return new EpisodeFrame(agent, items);
    }

    /// <summary>
    /// The level source of one replayed episode that also hears its end: the environment reports it before it resets the
    /// slot, the only moment the last state (the agent on the cheese, the apple just eaten) can still be read.
    /// </summary>
    private sealed class EndingCapture(Level level) : ILevelSource, IEpisodeFeedback
    {
        public GridVectorEnvironment? Environment { get; set; }

        public EpisodeFrame? Final { get; private set; }

        public bool RefillsLevels => false;

        public Level LevelFor(long serial, int slot) => level;

        public void Rewarded(int slot, int step, double reward)
        {
        }

        public void EpisodeEnded(int slot) =>
            Final = Frame(Environment!, level, Environment!.AgentCell(slot), Environment.AliveItems(slot), Environment.EntityCells(slot));
    }
}

/// <summary>
/// A replayed episode for the page: the grid's walls (<c>#</c>) and floor (<c>.</c>) row by row in one string, each item's
/// symbol (as <see cref="LevelRenderer"/> draws it; items in <see cref="ItemKinds.DrawingOrder"/>, bottom of a stack first),
/// the legend, and a frame per state from the start to the end.
/// </summary>
public sealed record ReplayedEpisode(int Width, int Height, string Floor, string ItemSymbols, string Legend, IReadOnlyList<EpisodeFrame> Frames);

/// <summary>The agent's cell and each item's cell (-1 once it is gone) in one state of an episode, items in drawing order.</summary>
public sealed record EpisodeFrame(int Agent, int[] Items);
