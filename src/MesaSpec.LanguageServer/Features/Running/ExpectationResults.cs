using System.Text.Json;
using MesaSpec.Language.Text;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Features.Running;

/// <summary>One <c>expect</c> line's outcome, as report.json and the CLI's <c>finished</c> event write it.</summary>
public sealed record ExpectationResult(string Text, int Line, bool Passed, string Detail);

/// <summary>Reads expectation outcomes and turns the failed ones into diagnostics on their <c>expect</c> lines.</summary>
public static class ExpectationResults
{
    /// <summary>Not an MS code: these come from a run, not from analysing the text.</summary>
    public const string FailedCode = "expectation-failed";

    public static IReadOnlyList<ExpectationResult> Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("expectations", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return [.. list.EnumerateArray().Select(e => new ExpectationResult(
            e.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "",
            e.TryGetProperty("line", out var l) && l.TryGetInt32(out var line) ? line : 0,
            e.TryGetProperty("passed", out var p) && p.ValueKind == JsonValueKind.True,
            e.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : ""))];
    }

    public static IReadOnlyList<ExpectationResult> ReadReport(string reportPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(reportPath));
        return Read(document.RootElement);
    }

    public static LspDiagnostic[] Diagnostics(SourceText text, IEnumerable<ExpectationResult> results, string reportPath) =>
        [.. results.Where(r => !r.Passed && r.Line >= 1 && r.Line <= text.LineCount).Select(r =>
        {
            var line = r.Line - 1;
            var content = text.GetLineText(line);
            var indent = content.Length - content.TrimStart().Length;
            var range = new Protocol.Range(new Position(line, indent), new Position(line, content.TrimEnd().Length));
            return new LspDiagnostic(range, LspDiagnosticSeverity.Error, FailedCode, "mesaspec run",
                $"expectation failed: {r.Text}: {r.Detail} (report: {reportPath})");
        })];
}
