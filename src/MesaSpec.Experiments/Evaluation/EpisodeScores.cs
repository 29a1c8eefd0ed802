namespace MesaSpec.Experiments.Evaluation;

/// <summary>Per candidate and episode: the return, the score (<see cref="ScoreRule"/>) and whether the candidate's end condition fired.</summary>
public sealed class EpisodeScores(int candidates, int episodes)
{
    public double[][] Returns { get; } = Enumerable.Range(0, candidates).Select(_ => new double[episodes]).ToArray();

    public double[][] Scores { get; } = Enumerable.Range(0, candidates).Select(_ => new double[episodes]).ToArray();

    public bool[][] GoalReached { get; } = Enumerable.Range(0, candidates).Select(_ => new bool[episodes]).ToArray();
}
