using static TorchSharp.torch;

namespace MesaSpec.Runtime.Models.Recurrent;

/// <summary>
/// An actor-critic with memory: each step reads the observation and the state the episode has so far, and
/// returns the next state. <see cref="ActorCritic.forward"/> acts from an empty memory (an episode's first step),
/// which is what the report's vector fields ask for; rollouts and evaluation carry the state
/// (<see cref="Training.OnPolicyRun"/>, <see cref="Training.ActorCriticPolicy"/>).
/// </summary>
public abstract class RecurrentActorCritic(string name) : ActorCritic(name)
{
    /// <summary>The zero state for a batch of <paramref name="observations"/> (its size, grid and device), in the caller's dispose scope.</summary>
    public abstract RecurrentState InitialState(Tensor observations);

    /// <summary>One step of every episode in the batch: logits <c>[B, A]</c>, values <c>[B]</c> and the next state.</summary>
    public abstract (Tensor Logits, Tensor Value, RecurrentState Next) Step(Tensor observations, RecurrentState state);

    public override (Tensor Logits, Tensor Value) forward(Tensor observations)
    {
        var (logits, value, _) = Step(observations, InitialState(observations));
        return (logits, value);
    }

    /// <summary>
    /// Replays a time-major sequence (<paramref name="observations"/> <c>[T * B, ...]</c>, step after step of the
    /// same B episodes) from <paramref name="initial"/>, zeroing the memory of an episode where
    /// <paramref name="keep"/> <c>[T, B]</c> is 0 (its episode started at that step): the training update's
    /// forward pass, whose gradients flow back through time within the sequence.
    /// </summary>
    public (Tensor Logits, Tensor Value) Unroll(Tensor observations, RecurrentState initial, Tensor keep)
    {
        var steps = keep.shape[0];
        var batch = keep.shape[1];
        var logits = new List<Tensor>((int)steps);
        var values = new List<Tensor>((int)steps);
        var state = initial;
        for (var t = 0L; t < steps; t++)
        {
            var (stepLogits, stepValue, next) = Step(observations.narrow(0, t * batch, batch), state.Masked(keep[t]));
            logits.Add(stepLogits);
            values.Add(stepValue);
            state = next;
        }
        return (cat(logits, 0), cat(values, 0));
    }
}
