namespace MesaSpec.Gridworld.Levels;

/// <summary>
/// A level source that learns from the episodes it handed out (a curriculum): the vector environment reports every
/// reward of a slot's episode and its end, before the slot asks for its next level.
/// </summary>
public interface IEpisodeFeedback
{
    /// <summary>The reward of step <paramref name="step"/> (0 for the episode's first) of the episode playing in <paramref name="slot"/>.</summary>
    void Rewarded(int slot, int step, double reward);

    /// <summary>The episode in <paramref name="slot"/> ended (terminal or cut at the horizon).</summary>
    void EpisodeEnded(int slot);
}
