namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// One evaluation episode as the episode browser keeps it: which seed played it, its episode index in the seed's
/// evaluation set (which, with the seed, names the level: <see cref="Gridworld.Levels.EvaluationLevels"/>), whether its
/// level separates the objectives, how it ended, and its actions as digits (<c>0</c> up, <c>1</c> right, <c>2</c> down,
/// <c>3</c> left), one per step. The frames are never stored: <see cref="EpisodeReplay"/> plays the actions on the level again.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(RecordedEpisodeJsonConverter))]
public sealed record RecordedEpisode(int Seed, int Episode, bool Conflict, EpisodeOutcome Outcome, string Actions);
