using System.Globalization;
using System.Text.Json.Nodes;

namespace MesaSpec.Testing.Comparison;

/// <summary>
/// How far a received score may move from its verified value before the snapshot fails. Verdicts, counts,
/// seeds and every other value are always compared exactly; only scores (the numbers of an estimate:
/// <c>mean</c>, <c>ciLow</c>, <c>ciHigh</c>, and the per-seed <c>capability</c>, <c>score</c>, <c>scoreAll</c>,
/// <c>goalRate</c>) get a tolerance.
/// <list type="bullet">
/// <item>Declared (<c>tolerance 0.05</c> in the experiment): that absolute difference, for every score.</item>
/// <item>Derived (no declaration): from the verified 95% confidence interval of the estimate the score belongs
/// to: √2 × its half-width, the 95% margin for the difference of two independent means of equal spread, so a
/// rerun that differs only by honest noise passes 95% of the time. A per-seed value takes the margin of its
/// aggregate. An estimate without an interval (one seed) must match exactly: declare a tolerance there.</item>
/// </list>
/// Numbers measured from a trained model's activations that are not scores (a probe's ridge <c>penalty</c>: a grid
/// value times the activations' mean square) match to <see cref="RelativeForMeasured"/> of their value: another CPU's
/// maths library moves them in the eighth digit (986.829397 against 986.829407, seen when the machine changed), while
/// the choice they encode (the grid value) moves them tenfold.
/// </summary>
public sealed record ScoreTolerance(double? Declared)
{
    /// <summary>What "exact" means for numbers that went through JSON: far below any printed digit.</summary>
    public const double Exact = 1e-12;

    public static IReadOnlySet<string> EstimateMembers { get; } = new HashSet<string>(StringComparer.Ordinal) { "mean", "ciLow", "ciHigh" };

    public static IReadOnlySet<string> PerSeedMembers { get; } = new HashSet<string>(StringComparer.Ordinal) { "capability", "score", "scoreAll", "goalRate" };

    /// <summary>Non-score numbers measured from a model's activations, compared relative to their size.</summary>
    public static IReadOnlySet<string> MeasuredMembers { get; } = new HashSet<string>(StringComparer.Ordinal) { "penalty" };

    /// <summary>The relative difference allowed for <see cref="MeasuredMembers"/>.</summary>
    public const double RelativeForMeasured = 1e-6;

    public JsonNode Describe() => Declared is { } value
        ? JsonValue.Create(value)
        : JsonValue.Create("derived: sqrt(2) x half-width of the verified 95% CI");

    /// <summary>Whether the number at <paramref name="path"/> is a score.</summary>
    public static bool IsScore(JsonPath path) => path.Segments.Count > 0 && path.Segments[^1] is string leaf
        && (EstimateMembers.Contains(leaf) || (PerSeedMembers.Contains(leaf) && path.Segments.Contains("perSeed")));

    /// <summary>The allowed difference for the number at <paramref name="path"/> of the verified snapshot.</summary>
    public double For(JsonPath path, JsonNode verifiedRoot)
    {
        if (path.Segments.Count > 0 && path.Segments[^1] is string measured && MeasuredMembers.Contains(measured))
        {
            return Math.Max(Exact, Math.Abs(Number(path.Find(verifiedRoot)) ?? 0) * RelativeForMeasured);
        }
        if (!IsScore(path))
        {
            return Exact;
        }
        if (Declared is { } declared)
        {
            return Math.Max(declared, Exact);
        }
        return Margin(EstimateOf(path, verifiedRoot)) ?? Exact;
    }

    public static string Format(double tolerance) =>
        tolerance <= Exact ? "exact" : "±" + tolerance.ToString("0.####", CultureInfo.InvariantCulture);

    private static double? Margin(JsonNode? estimate) =>
        estimate is JsonObject e && Number(e["ciLow"]) is { } low && Number(e["ciHigh"]) is { } high
            ? Math.Sqrt(2) * (high - low) / 2
            : null;

    /// <summary>The estimate a score belongs to: its own object, or for a per-seed value the aggregate over seeds.</summary>
    private static JsonNode? EstimateOf(JsonPath path, JsonNode root)
    {
        var leaf = (string)path.Segments[^1];
        if (EstimateMembers.Contains(leaf))
        {
            return path.Parent.Find(root);
        }
        var segments = path.Segments;
        var perSeed = segments.IndexOf("perSeed");
        var evaluation = new JsonPath(segments.GetRange(0, perSeed)).Find(root);
        if (leaf == "capability")
        {
            return evaluation?["capability"];
        }
        // perSeed[i].objectives[j].<leaf>: the aggregate of the objective with the same name.
        var name = path.Parent.Find(root)?["name"]?.GetValue<string>();
        return (evaluation?["objectives"] as JsonArray)?
            .FirstOrDefault(o => o?["name"]?.GetValue<string>() == name)?[leaf];
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;
}
