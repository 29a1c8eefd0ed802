namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// The raw evidence of one seed on one evaluation environment, episode by episode: which level each episode
/// played (<see cref="LevelIds"/>, the clusters of the statistics), which episodes separate each proxy from the
/// base (<see cref="Conflicts"/>, row 0 the union), and every candidate's score and goal under the seed's policy
/// and under the random baseline on the same levels. Scores are null where a level scores the candidate not at
/// all. Plain arrays, so the record serialises as it is (a seed evaluated elsewhere can be collected).
/// </summary>
public sealed record SeedEpisodes(
    int Seed,
    int[] LevelIds,
    bool[][] Conflicts,
    double?[][] Policy,
    bool[][] PolicyGoals,
    double?[][] Random,
    bool[][] RandomGoals)
{
    public int Episodes => LevelIds.Length;

    public int Candidates => Policy.Length;

    public static SeedEpisodes From(EvaluationSetup setup, EpisodeScores policy, EpisodeScores random) => new(
        setup.Seed,
        [.. setup.LevelSet.LevelIds],
        setup.Conflicts.Select(c => (bool[])c.Clone()).ToArray(),
        policy.Scores,
        policy.GoalReached,
        random.Scores,
        random.GoalReached);
}
