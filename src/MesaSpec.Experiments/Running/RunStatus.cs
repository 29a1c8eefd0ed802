using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// Where a run stands. One vocabulary for every layer: the report, the run history, the CLI and the report
/// documents compare these values, and <see cref="RunStatusWords"/> is the one place they become text
/// (<c>report.json</c>, the history database and the command line print the same words as always).
/// </summary>
[JsonConverter(typeof(RunStatusJsonConverter))]
public enum RunStatus
{
    /// <summary>Still running (a report written as progress, or a history row of a live run).</summary>
    Running,
    /// <summary>Every point and seed ran; the expectations were checked.</summary>
    Finished,
    /// <summary>Stopped by the user (Ctrl-C): a partial report with the seeds that finished.</summary>
    Cancelled,
    /// <summary>An error stopped it: a partial report, with the error in the status detail.</summary>
    Failed,
    /// <summary>The history's word for a run recorded as running whose process is gone (never in a report).</summary>
    Interrupted,
}

/// <summary>The words of <see cref="RunStatus"/>: written to report.json and the history, read back from them.</summary>
public static class RunStatusWords
{
    public static string Word(this RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Finished => "finished",
        RunStatus.Cancelled => "cancelled",
        RunStatus.Failed => "failed",
        _ => "interrupted",
    };

    public static RunStatus? Parse(string? word) =>
        Enum.GetValues<RunStatus>().Cast<RunStatus?>().FirstOrDefault(s => s!.Value.Word() == word);
}

/// <summary>The one JSON conversion of <see cref="RunStatus"/>: its word, as report.json has always had it.</summary>
public sealed class RunStatusJsonConverter : JsonConverter<RunStatus>
{
    public override RunStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RunStatusWords.Parse(reader.GetString()) ?? throw new JsonException($"unknown run status '{reader.GetString()}'");

    public override void Write(Utf8JsonWriter writer, RunStatus value, JsonSerializerOptions options) => writer.WriteStringValue(value.Word());
}
