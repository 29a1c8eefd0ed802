using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Writes a <see cref="RecordedEpisode"/> without indentation inside an indented report.json (an indented writer gave each
/// of its five fields a line of its own: most of the episode browser's cost in the file was whitespace, and the browser
/// had to fit in the bytes report.json had before). The fields keep their camelCase names; reading accepts any layout.
/// </summary>
public sealed class RecordedEpisodeJsonConverter : JsonConverter<RecordedEpisode>
{
    private static readonly JsonSerializerOptions OneLine = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new EpisodeOutcomeJsonConverter() },
    };

    public override RecordedEpisode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<Fields>(ref reader, OneLine) is { } f
            ? new RecordedEpisode(f.Seed, f.Episode, f.Conflict, f.Outcome, f.Actions ?? "")
            : throw new JsonException("expected a recorded episode");

    public override void Write(Utf8JsonWriter writer, RecordedEpisode value, JsonSerializerOptions options) =>
        writer.WriteRawValue(JsonSerializer.Serialize(new Fields(value.Seed, value.Episode, value.Conflict, value.Outcome, value.Actions), OneLine),
            skipInputValidation: true);

    /// <summary>The record's fields without this converter, so serialising them does not come back here.</summary>
    private sealed record Fields(int Seed, int Episode, bool Conflict, EpisodeOutcome Outcome, string? Actions);
}
