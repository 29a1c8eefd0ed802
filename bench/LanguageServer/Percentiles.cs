using System.Globalization;

namespace MesaSpec.LanguageServer.Bench;

public static class Percentiles
{
    public static string Describe(string name, List<double> milliseconds)
    {
        milliseconds.Sort();
        double P(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{name,-44} n={milliseconds.Count,4}  p50 {P(0.5),8:0.00} ms  p95 {P(0.95),8:0.00} ms  max {milliseconds[^1],8:0.00} ms");
    }
}
