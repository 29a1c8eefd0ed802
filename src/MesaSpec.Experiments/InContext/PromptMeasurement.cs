using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.InContext;

/// <summary>
/// What is recorded per evaluation prompt, as columns the bootstrap sums: the model's squared error and squared
/// prediction, then per reference learner its squared error, the product of its prediction with the model's, its
/// squared prediction, and the cosine between the two sensitivities to the query (∂prediction/∂x_query, by central
/// differences: exact for learners linear in the query).
/// </summary>
public static class PromptMeasurement
{
    public const int ModelError = 0;
    public const int ModelSquare = 1;
    private const int PerReference = 4;

    public static int Columns(int references) => 2 + PerReference * references;

    public static int ReferenceError(int r) => 2 + PerReference * r;

    public static int Product(int r) => 3 + PerReference * r;

    public static int ReferenceSquare(int r) => 4 + PerReference * r;

    public static int SensitivityCosine(int r) => 5 + PerReference * r;

    /// <summary>One row per prompt.</summary>
    public static IReadOnlyList<double[]> Measure(IInContextLearner model, IReadOnlyList<IInContextLearner> references, IReadOnlyList<Prompt> prompts, double step, CancellationToken cancellationToken)
    {
        var predictions = model.Predict(prompts);
        var sensitivities = Sensitivities(model, prompts, step);
        var rows = prompts.Select((p, k) =>
        {
            var row = new double[Columns(references.Count)];
            row[ModelError] = Square(predictions[k] - p.QueryTarget);
            row[ModelSquare] = Square(predictions[k]);
            return row;
        }).ToArray();
        for (var r = 0; r < references.Count; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reference = references[r].Predict(prompts);
            var referenceSensitivities = Sensitivities(references[r], prompts, step);
            for (var k = 0; k < prompts.Count; k++)
            {
                rows[k][ReferenceError(r)] = Square(reference[k] - prompts[k].QueryTarget);
                rows[k][Product(r)] = reference[k] * predictions[k];
                rows[k][ReferenceSquare(r)] = Square(reference[k]);
                rows[k][SensitivityCosine(r)] = Cosine(sensitivities[k], referenceSensitivities[k]);
            }
        }
        return rows;
    }

    /// <summary>∂prediction/∂query per prompt, by central differences of size <paramref name="step"/>, in one batch.</summary>
    public static double[][] Sensitivities(IInContextLearner learner, IReadOnlyList<Prompt> prompts, double step)
    {
        var perturbed = new List<Prompt>(prompts.Count * 2 * (prompts.Count == 0 ? 0 : prompts[0].Dimension));
        foreach (var prompt in prompts)
        {
            for (var j = 0; j < prompt.Dimension; j++)
            {
                foreach (var sign in (ReadOnlySpan<double>)[1.0, -1.0])
                {
                    var query = (double[])prompt.Query.Clone();
                    query[j] += sign * step;
                    perturbed.Add(prompt.WithQuery(query));
                }
            }
        }
        var values = learner.Predict(perturbed);
        var result = new double[prompts.Count][];
        var at = 0;
        for (var k = 0; k < prompts.Count; k++)
        {
            var gradient = new double[prompts[k].Dimension];
            for (var j = 0; j < gradient.Length; j++)
            {
                gradient[j] = (values[at] - values[at + 1]) / (2 * step);
                at += 2;
            }
            result[k] = gradient;
        }
        return result;
    }

    private static double Square(double v) => v * v;

    public static double Cosine(double[] a, double[] b)
    {
        double ab = 0, aa = 0, bb = 0;
        for (var j = 0; j < a.Length; j++)
        {
            ab += a[j] * b[j];
            aa += a[j] * a[j];
            bb += b[j] * b[j];
        }
        return aa > 0 && bb > 0 ? ab / Math.Sqrt(aa * bb) : 0;
    }

    /// <summary>The finite-difference step for a task's queries: small against the input scale.</summary>
    public static double StepFor(TaskModel task) => 1e-2 * task.InputScale;
}
