using MesaSpec.Experiments.Evaluation;
using MesaSpec.Language.Binding;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// The episode replays of a run's experiment, for the report writer: one <see cref="EpisodeReplay"/> per sweep point and
/// evaluation environment (the report's <c>points[p].evaluations[e]</c> is the plan's), built on first use and kept, so each
/// seed's levels are drawn once however many of its episodes are replayed.
/// </summary>
public sealed class ExperimentReplay(ExperimentPlan plan)
{
    private readonly Dictionary<(int, int), EpisodeReplay> replays = [];

    /// <summary>The episode's frames, or null when the plan has no such point or environment, or the episode does not replay.</summary>
    public ReplayedEpisode? Replay(int point, int evaluation, RecordedEpisode episode)
    {
        if (point < 0 || point >= plan.Points.Count || evaluation < 0 || evaluation >= plan.Points[point].Evaluations.Count)
        {
            return null;
        }
        if (!replays.TryGetValue((point, evaluation), out var replay))
        {
            var model = plan.Points[point];
            replay = new EpisodeReplay(model.Evaluations[evaluation], model.BaseObjective);
            replays[(point, evaluation)] = replay;
        }
        return replay.Replay(episode);
    }
}
