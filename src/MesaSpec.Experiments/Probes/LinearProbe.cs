using MesaSpec.Language.Catalogue;

namespace MesaSpec.Experiments.Probes;

/// <summary>
/// A fitted linear probe: its held-out score (accuracy, or R² for values), the chance level on the same held-out
/// rows (the training majority class's accuracy; 0 for R²), the ridge penalty cross-validation chose, and, for a
/// feature with one direction (values and yes/no), the unit weight vector in the activations' space.
/// </summary>
public sealed record ProbeFit(double Score, double Chance, double Penalty, float[]? Direction);

/// <summary>
/// Linear probes by ridge regression on centred activations: one output for a value or a yes/no (thresholded at
/// 0.5), one output per class seen in training for classes (the largest wins: a least-squares classifier). The
/// penalty is chosen from a grid relative to the activations' mean variance by 3-fold cross-validation whose folds
/// are groups of levels, so no level is ever both fitted and scored.
/// </summary>
public static class LinearProbe
{
    /// <summary>Penalties, as multiples of the mean diagonal of the training rows' Gram matrix.</summary>
    private static readonly double[] PenaltyGrid = [1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100];

    public const int Folds = 3;

    /// <param name="train">Training rows (each the same width).</param>
    /// <param name="groups">Each training row's level, for the cross-validation folds.</param>
    public static ProbeFit Fit(FeatureKind kind, IReadOnlyList<float[]> train, IReadOnlyList<double> trainTargets, IReadOnlyList<int> groups,
        IReadOnlyList<float[]> test, IReadOnlyList<double> testTargets)
    {
        if (train.Count == 0 || test.Count == 0)
        {
            throw new ArgumentException("a probe needs training and held-out rows");
        }
        var classes = kind == FeatureKind.Class ? trainTargets.Distinct().Order().ToArray() : [];
        var foldOf = Folding(groups);
        var best = PenaltyGrid[0];
        var bestScore = double.NegativeInfinity;
        var distinctFolds = foldOf.Distinct().Count();
        foreach (var alpha in PenaltyGrid)
        {
            if (distinctFolds < 2)
            {
                break; // one level group: nothing to cross-validate; the smallest penalty stands
            }
            double total = 0;
            for (var f = 0; f < Folds; f++)
            {
                var inFold = Enumerable.Range(0, train.Count).Where(i => foldOf[i] == f).ToList();
                var outFold = Enumerable.Range(0, train.Count).Where(i => foldOf[i] != f).ToList();
                if (inFold.Count == 0 || outFold.Count == 0)
                {
                    continue;
                }
                var model = Solve(kind, classes, outFold.Select(i => train[i]).ToList(), outFold.Select(i => trainTargets[i]).ToList(), alpha);
                total += Score(kind, model, inFold.Select(i => train[i]).ToList(), inFold.Select(i => trainTargets[i]).ToList()) * inFold.Count;
            }
            if (total > bestScore)
            {
                (bestScore, best) = (total, alpha);
            }
        }
        var fitted = Solve(kind, classes, train, trainTargets, best);
        var score = Score(kind, fitted, test, testTargets);
        var chance = kind == FeatureKind.Value ? 0 : MajorityAccuracy(trainTargets, testTargets);
        float[]? direction = null;
        if (kind != FeatureKind.Class)
        {
            var norm = Math.Sqrt(fitted.Weights.Sum(w => w[0] * w[0]));
            direction = fitted.Weights.Select(w => (float)(norm > 0 ? w[0] / norm : 0)).ToArray();
        }
        return new ProbeFit(score, chance, best * fitted.Scale, direction);
    }

    /// <summary>Groups are dealt to folds in order of first appearance, round robin.</summary>
    private static int[] Folding(IReadOnlyList<int> groups)
    {
        var fold = new Dictionary<int, int>();
        return groups.Select(g => fold.TryGetValue(g, out var f) ? f : fold[g] = fold.Count % Folds).ToArray();
    }

    private sealed record Model(double[] Mean, double[][] Weights, double[] Intercept, double[] Classes, double Scale);

    private static Model Solve(FeatureKind kind, double[] classes, IReadOnlyList<float[]> rows, IReadOnlyList<double> targets, double alpha)
    {
        var d = rows[0].Length;
        var n = rows.Count;
        var outputs = kind == FeatureKind.Class ? Math.Max(classes.Length, 1) : 1;
        var mean = new double[d];
        foreach (var row in rows)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += row[j];
            }
        }
        for (var j = 0; j < d; j++)
        {
            mean[j] /= n;
        }
        var y = new double[n, outputs];
        for (var i = 0; i < n; i++)
        {
            if (kind == FeatureKind.Class)
            {
                var c = Array.BinarySearch(classes, targets[i]);
                if (c >= 0)
                {
                    y[i, c] = 1;
                }
            }
            else
            {
                y[i, 0] = targets[i];
            }
        }
        var intercept = new double[outputs];
        for (var k = 0; k < outputs; k++)
        {
            for (var i = 0; i < n; i++)
            {
                intercept[k] += y[i, k];
            }
            intercept[k] /= n;
        }
        var gram = new double[d * d];
        var cross = new double[d * outputs];
        var centred = new double[d];
        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            for (var j = 0; j < d; j++)
            {
                centred[j] = row[j] - mean[j];
            }
            for (var a = 0; a < d; a++)
            {
                var xa = centred[a];
                if (xa == 0)
                {
                    continue;
                }
                var offset = a * d;
                for (var b = a; b < d; b++)
                {
                    gram[offset + b] += xa * centred[b];
                }
                for (var k = 0; k < outputs; k++)
                {
                    cross[a * outputs + k] += xa * (y[i, k] - intercept[k]);
                }
            }
        }
        double trace = 0;
        for (var a = 0; a < d; a++)
        {
            trace += gram[a * d + a];
            for (var b = 0; b < a; b++)
            {
                gram[a * d + b] = gram[b * d + a];
            }
        }
        var scale = Math.Max(trace / d, 1e-12);
        for (var a = 0; a < d; a++)
        {
            gram[a * d + a] += alpha * scale;
        }
        var weights = Cholesky.Solve(gram, cross, d, outputs);
        return new Model(mean, Enumerable.Range(0, d).Select(j => Enumerable.Range(0, outputs).Select(k => weights[j * outputs + k]).ToArray()).ToArray(),
            intercept, classes, scale);
    }

    private static double[] Predict(Model model, float[] row)
    {
        var outputs = model.Intercept.Length;
        var result = (double[])model.Intercept.Clone();
        for (var j = 0; j < row.Length; j++)
        {
            var x = row[j] - model.Mean[j];
            if (x == 0)
            {
                continue;
            }
            var w = model.Weights[j];
            for (var k = 0; k < outputs; k++)
            {
                result[k] += x * w[k];
            }
        }
        return result;
    }

    private static double Score(FeatureKind kind, Model model, IReadOnlyList<float[]> rows, IReadOnlyList<double> targets)
    {
        var predictions = rows.Select(r => Predict(model, r)).ToList();
        switch (kind)
        {
            case FeatureKind.Class:
                return Enumerable.Range(0, rows.Count).Count(i => model.Classes.Length > 0
                    && model.Classes[Array.IndexOf(predictions[i], predictions[i].Max())] == targets[i]) / (double)rows.Count;
            case FeatureKind.Binary:
                return Enumerable.Range(0, rows.Count).Count(i => (predictions[i][0] >= 0.5 ? 1.0 : 0.0) == targets[i]) / (double)rows.Count;
            default:
                var mean = targets.Average();
                var total = targets.Sum(t => (t - mean) * (t - mean));
                var residual = Enumerable.Range(0, rows.Count).Sum(i => (targets[i] - predictions[i][0]) * (targets[i] - predictions[i][0]));
                return total > 0 ? 1 - residual / total : residual == 0 ? 1 : 0;
        }
    }

    /// <summary>The held-out accuracy of always answering the training rows' most common value (smallest on ties).</summary>
    private static double MajorityAccuracy(IReadOnlyList<double> train, IReadOnlyList<double> test)
    {
        var majority = train.GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return test.Count(t => t == majority) / (double)test.Count;
    }
}
