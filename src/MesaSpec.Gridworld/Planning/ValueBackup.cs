using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MesaSpec.Gridworld.Dynamics;

namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// The finite-horizon backup over a <see cref="ScoredStateSpace"/>: the values at time t from those at t + 1, from the
/// horizon back to the start, compared lexicographically (<see cref="Plan.Better"/>; ties go to the lowest action).
/// Time t computes only the states that can occur by then. Once the values at t equal those at t + 1 bit for bit on
/// those states, every earlier time repeats them exactly (each is the same arithmetic on the same numbers), so the
/// backup stops there: in long episodes whose rewards are all earned early this skips most of the horizon. One and two
/// objectives (an optimum; a lexicographic comparison) have loops of their own, the time is spent here.
/// </summary>
internal static class ValueBackup
{
    /// <summary>The values at every time, <c>[t][state * K + k]</c>; the times before the values stop changing share one array.</summary>
    public static double[][] EveryTime(ScoredStateSpace space, int horizon, double discount, CancellationToken cancellationToken)
    {
        var layers = new double[horizon + 1][];
        Run(space, horizon, discount, new double[space.ReachableWithin[horizon] * space.ObjectiveCount], null, layers, cancellationToken);
        return layers;
    }

    /// <summary>The optimal returns of the scored objectives from the start (state 0), keeping two times in memory.</summary>
    public static double[] FromStart(ScoredStateSpace space, int horizon, double discount, CancellationToken cancellationToken)
    {
        // Two times of a level's values are large objects, and an evaluation plans level after level: renting them
        // spares a full garbage collection per plan.
        var length = space.Count * space.ObjectiveCount;
        var first = ArrayPool<double>.Shared.Rent(length);
        var second = ArrayPool<double>.Shared.Rent(length);
        try
        {
            Array.Clear(first, 0, length); // the horizon: nothing more to earn
            return Run(space, horizon, discount, first, second, null, cancellationToken)[..space.ObjectiveCount];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(first);
            ArrayPool<double>.Shared.Return(second);
        }
    }

    /// <summary>
    /// Returns the values at time 0, computed from <paramref name="later"/> (the horizon's, zeros); with
    /// <paramref name="spare"/>, the times take turns in it and <paramref name="later"/>, otherwise each has its own, in <paramref name="layers"/>.
    /// </summary>
    private static double[] Run(ScoredStateSpace space, int horizon, double discount, double[] later, double[]? spare, double[][]? layers,
        CancellationToken cancellationToken)
    {
        var k = space.ObjectiveCount;
        var reachable = space.ReachableWithin;
        if (layers is not null)
        {
            layers[horizon] = later;
        }
        for (var t = horizon - 1; t >= 0; t--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = reachable[t];
            var now = spare ?? new double[(long)count * k];
            switch (k)
            {
                case 1: One(space, count, later, now, discount); break;
                case 2: Two(space, count, later, now, discount); break;
                default: Many(space, count, k, later, now, discount); break;
            }
            if (MemoryMarshal.AsBytes(now.AsSpan(0, count * k)).SequenceEqual(MemoryMarshal.AsBytes(later.AsSpan(0, count * k))))
            {
                for (var earlier = t; layers is not null && earlier >= 0; earlier--)
                {
                    layers[earlier] = later;
                }
                return later;
            }
            if (layers is not null)
            {
                layers[t] = now;
            }
            else
            {
                spare = later;
            }
            later = now;
        }
        return later;
    }

    // One and Two read the tables through references: every index is a state's own transition or a successor, which
    // the enumeration numbered below the next time's reachable count, so bounds checks would only cost time here.
    private static void One(ScoredStateSpace space, int count, double[] later, double[] now, double discount)
    {
        ref var next = ref MemoryMarshal.GetArrayDataReference(space.Next);
        ref var reward = ref MemoryMarshal.GetArrayDataReference(space.Rewards[0]);
        ref var value = ref MemoryMarshal.GetArrayDataReference(later);
        for (var s = 0; s < count; s++)
        {
            var tr = s * GridRules.ActionCount;
            var n = Unsafe.Add(ref next, tr);
            var best = Unsafe.Add(ref reward, tr) + (n >= 0 ? discount * Unsafe.Add(ref value, n) : 0);
            for (var a = 1; a < GridRules.ActionCount; a++)
            {
                n = Unsafe.Add(ref next, tr + a);
                var q = Unsafe.Add(ref reward, tr + a) + (n >= 0 ? discount * Unsafe.Add(ref value, n) : 0);
                if (q - best > Plan.Tolerance)
                {
                    best = q;
                }
            }
            now[s] = best;
        }
    }

    private static void Two(ScoredStateSpace space, int count, double[] later, double[] now, double discount)
    {
        ref var next = ref MemoryMarshal.GetArrayDataReference(space.Next);
        ref var first = ref MemoryMarshal.GetArrayDataReference(space.Rewards[0]);
        ref var second = ref MemoryMarshal.GetArrayDataReference(space.Rewards[1]);
        ref var value = ref MemoryMarshal.GetArrayDataReference(later);
        for (var s = 0; s < count; s++)
        {
            var tr = s * GridRules.ActionCount;
            var n = Unsafe.Add(ref next, tr);
            var best0 = Unsafe.Add(ref first, tr) + (n >= 0 ? discount * Unsafe.Add(ref value, 2 * n) : 0);
            var best1 = Unsafe.Add(ref second, tr) + (n >= 0 ? discount * Unsafe.Add(ref value, 2 * n + 1) : 0);
            for (var a = 1; a < GridRules.ActionCount; a++)
            {
                n = Unsafe.Add(ref next, tr + a);
                var q0 = Unsafe.Add(ref first, tr + a) + (n >= 0 ? discount * Unsafe.Add(ref value, 2 * n) : 0);
                var q1 = Unsafe.Add(ref second, tr + a) + (n >= 0 ? discount * Unsafe.Add(ref value, 2 * n + 1) : 0);
                var d0 = q0 - best0;
                // Plan.Better for two: the first decides beyond the tolerance, the second breaks a tie.
                if (d0 > Plan.Tolerance || (!(d0 < -Plan.Tolerance) && q1 - best1 > Plan.Tolerance))
                {
                    best0 = q0;
                    best1 = q1;
                }
            }
            now[2 * s] = best0;
            now[2 * s + 1] = best1;
        }
    }

    private static void Many(ScoredStateSpace space, int count, int k, double[] later, double[] now, double discount)
    {
        var next = space.Next;
        var rewards = space.Rewards;
        Span<double> best = stackalloc double[k];
        Span<double> q = stackalloc double[k];
        for (var s = 0; s < count; s++)
        {
            for (var a = 0; a < GridRules.ActionCount; a++)
            {
                var tr = s * GridRules.ActionCount + a;
                var n = next[tr];
                for (var j = 0; j < k; j++)
                {
                    q[j] = rewards[j][tr] + (n >= 0 ? discount * later[(long)n * k + j] : 0);
                }
                if (a == 0 || Plan.Better(q, best))
                {
                    q.CopyTo(best);
                }
            }
            best.CopyTo(now.AsSpan(s * k, k));
        }
    }
}
