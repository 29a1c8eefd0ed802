using System.Text.Json.Nodes;
using MesaSpec.Experiments.Reports;
using MesaSpec.Testing.Comparison;

namespace MesaSpec.Testing.Snapshots;

/// <summary>
/// The snapshot of one experiment's outcome, derived from its <see cref="RunReport"/>: the report's JSON
/// (docs/report-format.md) with the machine scrubbed (<see cref="SnapshotScrubber"/>) and without what is
/// not an outcome or cannot be compared field by field: behaviour samples, end maps, learning curves and
/// scores over training (a trajectory or a count per cell has no tolerance; the scores the verdicts rest on
/// are kept), explanations and expectation details (prose around numbers the snapshot already holds), and the top-level <c>evaluations</c> shortcut (a copy of the first point's). The tolerance in
/// force is written into the snapshot, so a reader knows how the scores were compared.
/// </summary>
public static class OutcomeSnapshot
{
    public const int SchemaVersion = 1;

    /// <summary>Members removed wherever they appear.</summary>
    public static IReadOnlySet<string> DroppedMembers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "samples", "learningCurve", "explanation", "detail", "endMap", "visitMaps", "scoresOverTraining", "recordedEpisodes",
    };

    public static JsonObject From(RunReport report, ScoreTolerance tolerance, string? specFolder)
    {
        var json = JsonNode.Parse(ReportJson.Serialize(report))!.AsObject();
        json.Remove("evaluations");
        Drop(json);
        if (json["spec"] is JsonObject spec && spec["path"]?.GetValue<string>() is { } path)
        {
            // The file name identifies the spec; where it lies on this machine does not.
            spec["path"] = Path.GetFileName(path);
        }
        new SnapshotScrubber(specFolder).Scrub(json);
        Round(json);

        var snapshot = new JsonObject
        {
            ["snapshotSchema"] = SchemaVersion,
            ["tolerance"] = tolerance.Describe(),
        };
        foreach (var (name, value) in json.ToList())
        {
            json.Remove(name);
            snapshot[name] = value;
        }
        return snapshot;
    }

    /// <summary>
    /// Every non-integer number to <see cref="Decimals"/> decimals: six digits are far below any tolerance or
    /// confidence interval, and a last-bit difference in a platform's maths library must not fail a snapshot.
    /// </summary>
    public const int Decimals = 6;

    private static void Round(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (Rounded(child) is { } value)
                    {
                        obj[name] = value;
                    }
                    else
                    {
                        Round(child);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Rounded(array[i]) is { } value)
                    {
                        array[i] = value;
                    }
                    else
                    {
                        Round(array[i]);
                    }
                }
                break;
        }
    }

    private static JsonValue? Rounded(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && value.TryGetValue<double>(out var number) && number != Math.Floor(number)
            ? JsonValue.Create(Math.Round(number, Decimals, MidpointRounding.ToEven))
            : null;

    private static void Drop(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(DroppedMembers.Contains).ToList())
                {
                    obj.Remove(name);
                }
                foreach (var (_, child) in obj)
                {
                    Drop(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Drop(child);
                }
                break;
        }
    }
}
