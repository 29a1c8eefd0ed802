namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Quantiles of Student's t distribution, for confidence intervals of means of few values (seeds) or many
/// (episodes). The CDF is computed from the regularized incomplete beta function (continued fraction,
/// modified Lentz) and inverted by bisection.
/// </summary>
public static class StudentT
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>The two-sided 95% critical value t(0.975, df).</summary>
    public static double Critical95(int degreesOfFreedom) => Quantile(0.975, degreesOfFreedom);

    /// <summary>The <paramref name="p"/>-quantile for <paramref name="degreesOfFreedom"/> &gt;= 1 and 0.5 &lt;= p &lt; 1.</summary>
    public static double Quantile(double p, int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "at least one degree of freedom is needed");
        }
        if (p is < 0.5 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "only upper quantiles in [0.5, 1) are supported");
        }
        double low = 0, high = 1;
        while (Cdf(high, degreesOfFreedom) < p)
        {
            high *= 2;
        }
        for (var i = 0; i < 200 && high - low > 1e-12 * high; i++)
        {
            var mid = 0.5 * (low + high);
            if (Cdf(mid, degreesOfFreedom) < p) low = mid;
            else high = mid;
        }
        return 0.5 * (low + high);
    }

    public static double Cdf(double t, int degreesOfFreedom)
    {
        double v = degreesOfFreedom;
        var tail = 0.5 * RegularizedIncompleteBeta(v / (v + t * t), v / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    private static double RegularizedIncompleteBeta(double x, double a, double b)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(x, a, b) / a
            : 1 - front * ContinuedFraction(1 - x, b, a) / b;
    }

    private static double ContinuedFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 500; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
            d = 1 + aa * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
            d = 1 + aa * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15) break;
        }
        return h;
    }

    private static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }
        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
