using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesaSpec.Experiments.Reports;

/// <summary>The one JSON shape of reports: camelCase, indented but with arrays of numbers on one line, nulls kept (a null CI says "too few seeds").</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new FlatNumberArrays() },
    };

    public static string Serialize(RunReport report) => JsonSerializer.Serialize(report, Options);

    public static RunReport? Deserialize(string json) => JsonSerializer.Deserialize<RunReport>(json, Options);

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a report.</summary>
    public static void Write(RunReport report, string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Serialize(report));
        File.Move(temporary, path, overwrite: true);
    }
}
