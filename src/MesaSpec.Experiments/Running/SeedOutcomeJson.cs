using System.Text.Json;
using System.Text.Json.Serialization;
using MesaSpec.Experiments.Reports;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// The file form of a <see cref="SeedOutcome"/>: the records serialised as they are (no field list kept by hand,
/// so a field added to a result travels without a change here), enums by name, doubles round-tripped exactly.
/// </summary>
public static class SeedOutcomeJson
{
    public static JsonSerializerOptions Options { get; } = new(ReportJson.Options)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(SeedOutcome outcome) => JsonSerializer.Serialize(outcome, Options);

    /// <summary>Null when the text is not an outcome (a truncated or foreign file).</summary>
    public static SeedOutcome? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SeedOutcome>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes through a temporary file in the same folder and a rename: a reader sees the whole outcome or none.</summary>
    public static void Write(SeedOutcome outcome, string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, Serialize(outcome));
        File.Move(temporary, path, overwrite: true);
    }
}
