using System.Diagnostics;
using System.Runtime.ExceptionServices;
using MesaSpec.Runtime.Models;
using MesaSpec.Runtime.Models.Recurrent;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// A feed-forward minibatch's gradient computed on several threads at once: the rows are cut into contiguous
/// shards, each shard's forward and backward pass runs on its own copy of the model in its own thread with
/// LibTorch's intra-op parallelism off, and the copies' gradients are added into the model's in shard order.
/// Why: a minibatch of PPO is a few small matrix products, too small for LibTorch's threads, which wait for each
/// other at every operation and collapse when another job shares the cores (2-4k env-steps/s instead of 40k);
/// independent shards never wait for each other until the sum. Under heavy load even that one wait costs more than
/// it saves (a thread woken for a shard waits for a time slice), so the shards may also run one after the other
/// on the calling thread (<see cref="ShardSchedule"/> picks whichever has been faster). Either way every shard is
/// the same computation and the sum runs in shard order, so the result does not depend on the choice, and a run
/// stays a function of its seed and thread count. The shards' losses take each mean over the whole minibatch
/// (<see cref="OnPolicyLoss.Compute"/>), so the summed gradient is the whole minibatch's, up to rounding.
/// </summary>
internal sealed class ShardedGradients : IDisposable
{
    /// <summary>Fewer rows per shard than this and a thread costs more than it computes.</summary>
    public const int MinimumRowsPerShard = 64;

    private readonly ActorCritic model;
    private readonly Parameter[] parameters;
    private readonly ActorCritic[] copies;
    private readonly Parameter[][] copyParameters;
    private readonly ShardSchedule schedule;
    private readonly ShardWorker[] workers;

    private ShardedGradients(ActorCritic model, ActorCritic[] copies, ShardSchedule schedule)
    {
        this.model = model;
        this.schedule = schedule;
        workers = copies.Select((_, k) => new ShardWorker($"shard {k + 1}")).ToArray();
        parameters = model.parameters().ToArray();
        this.copies = copies;
        copyParameters = copies.Select(c => c.parameters().ToArray()).ToArray();
        Synchronise();
    }

    /// <summary>Shards per minibatch: one per thread for a feed-forward model with rows enough; 1 (no sharding) otherwise.</summary>
    public static int ShardsFor(ActorCritic model, int threads, int minibatchRows) =>
        model is RecurrentActorCritic ? 1 : Math.Max(1, Math.Min(threads, minibatchRows / MinimumRowsPerShard));

    /// <summary>
    /// Shards for <paramref name="model"/>: <paramref name="copy"/> builds a model of the same architecture (its
    /// weights are overwritten with the model's).
    /// </summary>
    /// <param name="schedule">Whether the shards run at once or one after the other (by default: whichever is faster).</param>
    public static ShardedGradients Create(ActorCritic model, int shards, Func<ActorCritic> copy, ShardSchedule? schedule = null)
    {
        var copies = new ActorCritic[shards - 1];
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = copy();
            copies[i].train();
        }
        return new ShardedGradients(model, copies, schedule ?? new ShardSchedule());
    }

    public int Shards => copies.Length + 1;

    /// <summary>
    /// Runs <paramref name="loss"/> on every shard of <paramref name="rows"/> rows (shard 0 on the model, in the
    /// calling thread) and back-propagates it; leaves the sum of the shards' gradients in the model's gradients,
    /// which the caller has zeroed, and returns the sum of the shards' losses.
    /// </summary>
    /// <param name="loss">The loss of rows <c>[start, start + length)</c> of the minibatch computed by the given model.</param>
    public float Backward(int rows, Func<ActorCritic, int, int, Tensor> loss)
    {
        var losses = new float[Shards];
        var parallel = schedule.NextIsParallel();
        var clock = Stopwatch.StartNew();
        if (parallel)
        {
            BackwardInParallel(rows, loss, losses);
        }
        else
        {
            losses[0] = BackwardShard(model, null, 0, rows, loss);
            for (var k = 1; k < Shards; k++)
            {
                losses[k] = BackwardShard(copies[k - 1], copyParameters[k - 1], k, rows, loss);
            }
        }
        schedule.Record(parallel, clock.Elapsed.TotalMilliseconds);
        using (no_grad())
        {
            for (var k = 0; k < copies.Length; k++)
            {
                for (var p = 0; p < parameters.Length; p++)
                {
                    if (copyParameters[k][p].grad is { } gradient)
                    {
                        parameters[p].grad!.add_(gradient);
                    }
                }
            }
        }
        var total = 0f;
        foreach (var value in losses)
        {
            total += value;
        }
        return total;
    }

    private void BackwardInParallel(int rows, Func<ActorCritic, int, int, Tensor> loss, float[] losses)
    {
        for (var k = 1; k < Shards; k++)
        {
            var shard = k;
            workers[k - 1].Begin(() => losses[shard] = BackwardShard(copies[shard - 1], copyParameters[shard - 1], shard, rows, loss));
        }
        Exception? failure = null;
        try
        {
            losses[0] = BackwardShard(model, null, 0, rows, loss);
        }
        catch (Exception e)
        {
            failure = e;
        }
        foreach (var worker in workers) // every worker is waited for, so none still runs when the caller goes on
        {
            try
            {
                worker.End();
            }
            catch (Exception e) when (failure is null)
            {
                failure = e;
            }
        }
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>Copies the model's weights into every copy: after each optimizer step.</summary>
    public void Synchronise()
    {
        using var noGrad = no_grad();
        foreach (var copy in copyParameters)
        {
            for (var p = 0; p < parameters.Length; p++)
            {
                copy[p].copy_(parameters[p]);
            }
        }
    }

    private float BackwardShard(ActorCritic net, Parameter[]? zeroFirst, int shard, int rows, Func<ActorCritic, int, int, Tensor> loss)
    {
        var start = (int)((long)rows * shard / Shards);
        var end = (int)((long)rows * (shard + 1) / Shards);
        using var scope = NewDisposeScope();
        if (zeroFirst is not null)
        {
            foreach (var parameter in zeroFirst)
            {
                parameter.grad?.zero_();
            }
        }
        var value = loss(net, start, end - start);
        var result = value.item<float>();
        value.backward();
        return result;
    }

    public void Dispose()
    {
        foreach (var worker in workers)
        {
            worker.Dispose();
        }
        foreach (var copy in copies)
        {
            copy.Dispose();
        }
    }
}
