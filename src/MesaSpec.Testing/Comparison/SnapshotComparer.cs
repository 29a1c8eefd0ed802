using System.Text.Json;
using System.Text.Json.Nodes;

namespace MesaSpec.Testing.Comparison;

/// <summary>
/// Compares two snapshots value by value: structure, strings (verdicts, proxies, names), booleans
/// (expectations passed) and non-score numbers exactly; scores within <see cref="ScoreTolerance"/>.
/// </summary>
public static class SnapshotComparer
{
    public static SnapshotComparison Compare(JsonNode verified, JsonNode received, ScoreTolerance tolerance)
    {
        var differences = new List<SnapshotDifference>();
        var normalised = received.DeepClone();
        Walk(verified, normalised, JsonPath.Root, verified, tolerance, differences, replace: null);
        return new SnapshotComparison(differences, normalised);
    }

    private static void Walk(
        JsonNode? verified, JsonNode? received, JsonPath path, JsonNode root, ScoreTolerance tolerance,
        List<SnapshotDifference> differences, Action<JsonNode?>? replace)
    {
        switch (verified, received)
        {
            case (JsonObject v, JsonObject r):
                foreach (var name in v.Select(p => p.Key).Union(r.Select(p => p.Key)).ToList())
                {
                    var child = path.Member(name);
                    if (!v.ContainsKey(name) || !r.ContainsKey(name))
                    {
                        differences.Add(new SnapshotDifference(child, Show(v[name], v.ContainsKey(name)), Show(r[name], r.ContainsKey(name)), null));
                        continue;
                    }
                    Walk(v[name], r[name], child, root, tolerance, differences, value => r[name] = value);
                }
                break;
            case (JsonArray v, JsonArray r):
                if (v.Count != r.Count)
                {
                    differences.Add(new SnapshotDifference(path.Member("length"), v.Count.ToString(), r.Count.ToString(), null));
                }
                for (var i = 0; i < Math.Min(v.Count, r.Count); i++)
                {
                    var index = i;
                    Walk(v[i], r[i], path.Index(i), root, tolerance, differences, value => r[index] = value);
                }
                break;
            case (JsonValue v, JsonValue r) when Number(v) is { } a && Number(r) is { } b:
                var allowed = tolerance.For(path, root);
                if (Math.Abs(a - b) <= allowed)
                {
                    // Within tolerance: show the verified value, so the diff stays quiet about honest noise.
                    replace?.Invoke(v.DeepClone());
                }
                else
                {
                    differences.Add(new SnapshotDifference(path, Show(v, true), Show(r, true), ScoreTolerance.IsScore(path) ? allowed : null));
                }
                break;
            default:
                if (!JsonNode.DeepEquals(verified, received))
                {
                    differences.Add(new SnapshotDifference(path, Show(verified, true), Show(received, true), null));
                }
                break;
        }
    }

    private static double? Number(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) ? number : null;

    private static string? Show(JsonNode? node, bool present) =>
        !present ? null : node is null ? "null" : node.ToJsonString();
}
