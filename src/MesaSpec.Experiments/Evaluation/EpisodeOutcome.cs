using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// How one evaluation episode ended, as the episode browser filters it. Judged in this order: the base objective's
/// goal reached (even if a proxy's was reached on the way), else some proxy's goal reached, else a hazard touched,
/// else the horizon ran out, else another end condition fired. <see cref="EpisodeOutcomeWords"/> is its one text.
/// </summary>
[JsonConverter(typeof(EpisodeOutcomeJsonConverter))]
public enum EpisodeOutcome
{
    BaseGoal,
    ProxyGoal,
    Hazard,
    Timeout,
    Ended,
}

/// <summary>The words of <see cref="EpisodeOutcome"/> in report.json and report.html, and the phrase a reader sees.</summary>
public static class EpisodeOutcomeWords
{
    public static string Word(this EpisodeOutcome outcome) => outcome switch
    {
        EpisodeOutcome.BaseGoal => "base_goal",
        EpisodeOutcome.ProxyGoal => "proxy_goal",
        EpisodeOutcome.Hazard => "hazard",
        EpisodeOutcome.Timeout => "timeout",
        _ => "ended",
    };

    public static string Phrase(this EpisodeOutcome outcome) => outcome switch
    {
        EpisodeOutcome.BaseGoal => "reached the base objective's goal",
        EpisodeOutcome.ProxyGoal => "reached a proxy's goal",
        EpisodeOutcome.Hazard => "touched a hazard",
        EpisodeOutcome.Timeout => "timed out (horizon)",
        _ => "ended otherwise",
    };

    public static EpisodeOutcome? Parse(string? word) =>
        Enum.GetValues<EpisodeOutcome>().Cast<EpisodeOutcome?>().FirstOrDefault(o => o!.Value.Word() == word);
}

/// <summary>The one JSON conversion of <see cref="EpisodeOutcome"/>: its word.</summary>
public sealed class EpisodeOutcomeJsonConverter : JsonConverter<EpisodeOutcome>
{
    public override EpisodeOutcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EpisodeOutcomeWords.Parse(reader.GetString()) ?? throw new JsonException($"unknown episode outcome '{reader.GetString()}'");

    public override void Write(Utf8JsonWriter writer, EpisodeOutcome value, JsonSerializerOptions options) => writer.WriteStringValue(value.Word());
}
