using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Runtime.Models;
using TorchSharp;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// Takes the <see cref="TrainingSnapshots"/> of one training run: at step 0, after the first update at or past each
/// multiple of the period, and at the end. The policy handed out wraps the model being trained without owning it;
/// it is put in evaluation mode for the call and back in training mode after it.
/// </summary>
internal sealed class SnapshotSchedule(TrainingSnapshots? snapshots, torch.Device device, int seed)
{
    private long next;
    private long last = -1;

    /// <summary>Called with the steps trained so far: takes a snapshot when the schedule says so.</summary>
    public void At(long step, ActorCritic model, ObservationShape shape, int actionCount)
    {
        if (snapshots is null || step < next)
        {
            return;
        }
        Take(step, model, shape, actionCount);
        next = (step / Math.Max(1, snapshots.Every) + 1) * Math.Max(1, snapshots.Every);
    }

    /// <summary>The end of training: its last weights, unless the schedule just took them.</summary>
    public void AtEnd(long step, ActorCritic model, ObservationShape shape, int actionCount)
    {
        if (snapshots is not null && last != step)
        {
            Take(step, model, shape, actionCount);
        }
    }

    private void Take(long step, ActorCritic model, ObservationShape shape, int actionCount)
    {
        using (var view = new ActorCriticPolicy(model, shape, actionCount, device, [], null, seed) { OwnsModel = false })
        {
            snapshots!.Take(step, view);
        }
        model.train();
        last = step;
    }
}
