using MesaSpec.Gridworld.Randomness;
using MesaSpec.Language.Model;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Experiments.InContext;

/// <summary>
/// Draws a task's prompts: weights w ~ N(0, I_d), inputs from the task's distribution, targets from its family
/// plus normal noise. Prompt k of a purpose is a function of (seed, purpose, k) alone (SplitMix64), so training
/// batches, fitting prompts and evaluation prompts are reproducible and never overlap.
/// </summary>
public static class PromptSampler
{
    /// <summary>What prompts are for: each purpose draws its own stream.</summary>
    public enum Purpose : ulong
    {
        Training = 0x1C1_0000_0000_0001UL,
        Fitting = 0x1C1_0000_0000_0002UL,
        Evaluation = 0x1C1_0000_0000_0003UL,
    }

    public static Prompt Sample(TaskModel task, int seed, Purpose purpose, long index)
    {
        // Keyed by purpose only: two tasks evaluated with one seed share their random stream (common random
        // numbers), so their difference is the shift and not the draw.
        var random = DeterministicRandom.For(seed, index, (ulong)purpose);
        var d = task.Dimension;
        var w = new double[d];
        for (var j = 0; j < d; j++)
        {
            w[j] = Normal(ref random);
        }
        var inputs = new double[task.Context * d];
        var targets = new double[task.Context];
        for (var i = 0; i < task.Context; i++)
        {
            targets[i] = Draw(task, w, inputs.AsSpan(i * d, d), ref random);
        }
        var query = new double[d];
        var target = Draw(task, w, query, ref random);
        return new Prompt(d, inputs, targets, query, target);
    }

    public static IReadOnlyList<Prompt> Sample(TaskModel task, int seed, Purpose purpose, long first, int count)
    {
        var prompts = new Prompt[count];
        for (var k = 0; k < count; k++)
        {
            prompts[k] = Sample(task, seed, purpose, first + k);
        }
        return prompts;
    }

    private static double Draw(TaskModel task, double[] w, Span<double> x, ref DeterministicRandom random)
    {
        var dot = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            x[j] = task.Inputs == InputDistribution.Uniform
                ? (2 * random.NextDouble() - 1) * task.InputScale
                : Normal(ref random) * task.InputScale;
            dot += w[j] * x[j];
        }
        var clean = task.Family == TaskFamily.Tanh ? Math.Tanh(dot) : dot;
        return task.Noise > 0 ? clean + task.Noise * Normal(ref random) : clean;
    }

    /// <summary>Box-Muller; one uniform pair per normal (simple, and the stream stays aligned per prompt).</summary>
    private static double Normal(ref DeterministicRandom random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
