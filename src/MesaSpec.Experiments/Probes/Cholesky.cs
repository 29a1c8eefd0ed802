namespace MesaSpec.Experiments.Probes;

/// <summary>Solves A X = B for a symmetric positive definite A (row-major d x d) and B (d x k), by Cholesky factorisation.</summary>
internal static class Cholesky
{
    public static double[] Solve(double[] a, double[] b, int d, int k)
    {
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i * d + j];
                for (var p = 0; p < j; p++)
                {
                    sum -= l[i * d + p] * l[j * d + p];
                }
                if (i == j)
                {
                    // The ridge penalty keeps A positive definite; the floor only guards rounding.
                    l[i * d + i] = Math.Sqrt(Math.Max(sum, 1e-12));
                }
                else
                {
                    l[i * d + j] = sum / l[j * d + j];
                }
            }
        }
        var x = (double[])b.Clone();
        for (var c = 0; c < k; c++)
        {
            for (var i = 0; i < d; i++)
            {
                var sum = x[i * k + c];
                for (var p = 0; p < i; p++)
                {
                    sum -= l[i * d + p] * x[p * k + c];
                }
                x[i * k + c] = sum / l[i * d + i];
            }
            for (var i = d - 1; i >= 0; i--)
            {
                var sum = x[i * k + c];
                for (var p = i + 1; p < d; p++)
                {
                    sum -= l[p * d + i] * x[p * k + c];
                }
                x[i * k + c] = sum / l[i * d + i];
            }
        }
        return x;
    }
}
