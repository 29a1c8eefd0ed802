namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Per candidate and episode: the discounted return, the score (<see cref="ScoreRule"/>; null where the level
/// scores the candidate not at all) and whether the candidate's goal was reached.
/// </summary>
public sealed class EpisodeScores(int candidates, int episodes)
{
    public double[][] Returns { get; } = Enumerable.Range(0, candidates).Select(_ => new double[episodes]).ToArray();

    public double?[][] Scores { get; } = Enumerable.Range(0, candidates).Select(_ => new double?[episodes]).ToArray();

    public bool[][] GoalReached { get; } = Enumerable.Range(0, candidates).Select(_ => new bool[episodes]).ToArray();

    /// <summary>The agent's cell when each episode ended (where its last move took it, or where it stood when that move was blocked).</summary>
    public int[] EndCells { get; } = new int[episodes];

    /// <summary>Where the agent was relative to each candidate's target, over every step of every episode; null unless the run counted it.</summary>
    public RelativeVisits? Visits { get; init; }

    /// <summary>How each episode ended (<see cref="EpisodeOutcome"/>).</summary>
    public EpisodeOutcome[] Outcomes { get; } = new EpisodeOutcome[episodes];

    /// <summary>
    /// The actions each episode took, one per step: with the level they replay the episode exactly
    /// (<see cref="EpisodeReplay"/>), so the episode browser stores these, never the frames.
    /// </summary>
    public List<byte>[] Actions { get; } = Enumerable.Range(0, episodes).Select(_ => new List<byte>()).ToArray();
}
