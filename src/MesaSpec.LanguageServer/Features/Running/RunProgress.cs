using System.Globalization;
using System.Text.Json;

namespace MesaSpec.LanguageServer.Features.Running;

/// <summary>
/// Follows the CLI's JSON-lines progress (<c>mesaspec run --progress jsonl</c>: events <c>seed</c>, <c>progress</c>,
/// <c>report</c>, <c>finished</c>) and turns it into a percentage and a message for LSP work-done progress.
/// </summary>
public sealed class RunProgress(int seedRuns)
{
    private int _seedRuns = Math.Max(1, seedRuns);
    private int _seedsStarted;
    private int _seedsDone;
    private double _currentFraction;

    public int Percentage => (int)Math.Clamp(Math.Floor(100.0 * (_seedsDone + (_seedsStarted > _seedsDone ? _currentFraction : 0)) / _seedRuns), 0, 100);

    public string Message { get; private set; } = "starting";

    /// <summary>The <c>finished</c> event, once seen.</summary>
    public JsonElement? Finished { get; private set; }

    /// <summary>The report path, from the <c>finished</c> event.</summary>
    public string? ReportPath { get; private set; }

    /// <summary>Reads one line of output; true when it changed the progress shown.</summary>
    public bool Read(string line)
    {
        if (!line.StartsWith('{'))
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(line);
            var e = document.RootElement;
            switch (e.TryGetProperty("event", out var kind) ? kind.GetString() : null)
            {
                case "seed":
                    _seedsStarted++;
                    _currentFraction = 0;
                    Message = $"seed {Int(e, "seed")}" + (Int(e, "points") > 1 ? $", point {Int(e, "point") + 1} of {Int(e, "points")}" : "");
                    return true;
                case "progress":
                    var total = Math.Max(1.0, Double(e, "totalSteps"));
                    _currentFraction = Math.Clamp(Double(e, "step") / total, 0, 1);
                    var mean = e.TryGetProperty("meanReturn", out var m) && m.ValueKind == JsonValueKind.Number ? $", mean return {m.GetDouble().ToString("0.00", CultureInfo.InvariantCulture)}" : "";
                    Message = $"seed {Int(e, "seed")}: step {Double(e, "step"):0} of {total:0}{mean}";
                    return true;
                case "report":
                    _seedsDone = Int(e, "seedsDone");
                    _seedRuns = Math.Max(_seedRuns, Int(e, "seedsTotal"));
                    _currentFraction = 0;
                    Message = $"{_seedsDone} of {_seedRuns} seeds done";
                    return true;
                case "finished":
                    Finished = e.Clone();
                    ReportPath = e.TryGetProperty("report", out var report) ? report.GetString() : null;
                    _seedsDone = _seedRuns;
                    Message = e.TryGetProperty("summary", out var summary) ? summary.ToString() : "finished";
                    return true;
                default:
                    return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : 0;

    private static double Double(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
}
