using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.InContext;

/// <summary>
/// <paramref name="Steps"/> steps of gradient descent on the context's squared loss L(w) = 1/(2N) sum_i (w·x_i - y_i)^2
/// from w = 0, with learning rate <paramref name="LearningRate"/>; predicts w·x for the query. One step predicts
/// η x_qᵀ Xᵀy / N, what one linear self-attention layer can compute (von Oswald et al. 2023).
/// </summary>
public sealed record GradientDescentLearner(int Steps, double LearningRate) : IInContextLearner
{
    public double[] Predict(IReadOnlyList<Prompt> prompts) => prompts.Select(Predict).ToArray();

    public double Predict(Prompt prompt)
    {
        var d = prompt.Dimension;
        var n = prompt.Context;
        var w = new double[d];
        var gradient = new double[d];
        for (var step = 0; step < Steps; step++)
        {
            Array.Clear(gradient);
            for (var i = 0; i < n; i++)
            {
                var x = prompt.Inputs.AsSpan(i * d, d);
                var residual = Dot(w, x) - prompt.Targets[i];
                for (var j = 0; j < d; j++)
                {
                    gradient[j] += residual * x[j];
                }
            }
            for (var j = 0; j < d; j++)
            {
                w[j] -= LearningRate * gradient[j] / n;
            }
        }
        return Dot(w, prompt.Query);
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }
        return sum;
    }

    /// <summary>
    /// The learning rate with the least squared error on <paramref name="prompts"/> (training prompts, never
    /// evaluation ones). One step is linear in η: the least-squares η in closed form. More steps: the best of a
    /// log-spaced grid from 1e-4 to 1e2, refined by golden-section search between its neighbours.
    /// </summary>
    public static double FitLearningRate(int steps, IReadOnlyList<Prompt> prompts)
    {
        if (steps == 1)
        {
            var unit = new GradientDescentLearner(1, 1.0).Predict(prompts);
            double num = 0, den = 0;
            for (var k = 0; k < prompts.Count; k++)
            {
                num += unit[k] * prompts[k].QueryTarget;
                den += unit[k] * unit[k];
            }
            return den > 0 ? num / den : 0;
        }
        double Loss(double logRate) => MeanSquaredError(new GradientDescentLearner(steps, Math.Exp(logRate)).Predict(prompts), prompts);
        const int points = 61;
        double lo = Math.Log(1e-4), hi = Math.Log(1e2);
        var grid = Enumerable.Range(0, points).Select(i => lo + (hi - lo) * i / (points - 1)).ToArray();
        var losses = grid.Select(Loss).Select(l => double.IsFinite(l) ? l : double.MaxValue).ToArray();
        var best = Array.IndexOf(losses, losses.Min());
        double a = grid[Math.Max(best - 1, 0)], b = grid[Math.Min(best + 1, points - 1)];
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var iteration = 0; iteration < 40; iteration++)
        {
            var c = b - ratio * (b - a);
            var e = a + ratio * (b - a);
            if (Finite(Loss(c)) < Finite(Loss(e)))
            {
                b = e;
            }
            else
            {
                a = c;
            }
        }
        return Math.Exp((a + b) / 2);
    }

    private static double Finite(double loss) => double.IsFinite(loss) ? loss : double.MaxValue;

    public static double MeanSquaredError(double[] predictions, IReadOnlyList<Prompt> prompts)
    {
        var sum = 0.0;
        for (var k = 0; k < prompts.Count; k++)
        {
            var e = predictions[k] - prompts[k].QueryTarget;
            sum += e * e;
        }
        return sum / prompts.Count;
    }
}

/// <summary>
/// Ridge regression on the context, w = (XᵀX + λI)⁻¹ Xᵀy, predicting w·x for the query: with λ = noise² the
/// posterior mean under w ~ N(0, I), the Bayes-optimal predictor of a linear task; at λ = 0 the minimum-norm
/// least-squares solution (computed as Xᵀ(XXᵀ)⁻¹y when there are fewer pairs than dimensions).
/// </summary>
public sealed record RidgeLearner(double Penalty) : IInContextLearner
{
    /// <summary>Added to the diagonal relative to its mean, so an exactly singular system (λ = 0, repeated inputs) still solves.</summary>
    private const double Jitter = 1e-10;

    public double[] Predict(IReadOnlyList<Prompt> prompts) => prompts.Select(Predict).ToArray();

    public double Predict(Prompt prompt)
    {
        var d = prompt.Dimension;
        var n = prompt.Context;
        var x = prompt.Inputs;
        if (n >= d)
        {
            var gram = new double[d * d];
            var rhs = new double[d];
            for (var i = 0; i < n; i++)
            {
                for (var a = 0; a < d; a++)
                {
                    rhs[a] += x[i * d + a] * prompt.Targets[i];
                    for (var b = 0; b < d; b++)
                    {
                        gram[a * d + b] += x[i * d + a] * x[i * d + b];
                    }
                }
            }
            var w = Solve(gram, rhs, d);
            return GradientDescentLearner.Dot(w, prompt.Query);
        }
        var kernel = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < n; k++)
            {
                kernel[i * n + k] = GradientDescentLearner.Dot(x.AsSpan(i * d, d), x.AsSpan(k * d, d));
            }
        }
        var alpha = Solve(kernel, (double[])prompt.Targets.Clone(), n);
        var prediction = 0.0;
        for (var i = 0; i < n; i++)
        {
            prediction += alpha[i] * GradientDescentLearner.Dot(x.AsSpan(i * d, d), prompt.Query);
        }
        return prediction;
    }

    /// <summary>Solves (A + (λ + jitter) I) z = b by Cholesky; A is symmetric positive semi-definite.</summary>
    private double[] Solve(double[] a, double[] b, int size)
    {
        var trace = 0.0;
        for (var i = 0; i < size; i++)
        {
            trace += a[i * size + i];
        }
        var shift = Penalty + Jitter * Math.Max(trace / size, 1e-300);
        for (var i = 0; i < size; i++)
        {
            a[i * size + i] += shift;
        }
        for (var j = 0; j < size; j++)
        {
            var diagonal = a[j * size + j];
            for (var k = 0; k < j; k++)
            {
                diagonal -= a[j * size + k] * a[j * size + k];
            }
            diagonal = Math.Sqrt(Math.Max(diagonal, 1e-300));
            a[j * size + j] = diagonal;
            for (var i = j + 1; i < size; i++)
            {
                var sum = a[i * size + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= a[i * size + k] * a[j * size + k];
                }
                a[i * size + j] = sum / diagonal;
            }
        }
        var z = new double[size];
        for (var i = 0; i < size; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= a[i * size + k] * z[k];
            }
            z[i] = sum / a[i * size + i];
        }
        for (var i = size - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < size; k++)
            {
                sum -= a[k * size + i] * z[k];
            }
            z[i] = sum / a[i * size + i];
        }
        return z;
    }
}

/// <summary>The reference learners of a task, fitted on one seed's training prompts.</summary>
public static class ReferenceLearnerFactory
{
    /// <summary>Prompts of the training task the learning rates are fitted on (separate from training and evaluation prompts).</summary>
    public const int FittingPrompts = 2000;

    public static IReadOnlyList<(ReferenceLearner Learner, IInContextLearner Implementation, double? LearningRate)> Fit(TaskModel training, int seed)
    {
        var prompts = PromptSampler.Sample(training, seed, PromptSampler.Purpose.Fitting, 0, FittingPrompts);
        return LearnerWords.Learners.Select(learner => learner switch
        {
            ReferenceLearner.GradientDescent => GradientDescent(1, prompts),
            ReferenceLearner.MultiStepGradientDescent => GradientDescent(LearnerWords.MultiStepCount, prompts),
            _ => (ReferenceLearner.Ridge, (IInContextLearner)new RidgeLearner(training.Noise * training.Noise), (double?)null),
        }).ToList();

        (ReferenceLearner, IInContextLearner, double?) GradientDescent(int steps, IReadOnlyList<Prompt> fitting)
        {
            var rate = GradientDescentLearner.FitLearningRate(steps, fitting);
            return (steps == 1 ? ReferenceLearner.GradientDescent : ReferenceLearner.MultiStepGradientDescent, new GradientDescentLearner(steps, rate), rate);
        }
    }
}
