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

    /// <summary>
    /// Failed expectations as diagnostics on their <c>expect</c> lines in the current text: found by their text
    /// (the occurrence nearest the reported line), so they stay put while lines above are edited; by line number
    /// when the text no longer appears.
    /// </summary>
    public static LspDiagnostic[] Diagnostics(SourceText text, IEnumerable<ExpectationResult> results, string reportPath) =>
        [.. results.Where(r => !r.Passed).Select(r => Locate(text, r) is { } span
            ? new LspDiagnostic(text.ToRange(span), LspDiagnosticSeverity.Error, FailedCode, "mesaspec run",
                $"expectation failed: {r.Text}: {r.Detail} (report: {reportPath})")
            : null).OfType<LspDiagnostic>()];

    private static TextSpan? Locate(SourceText text, ExpectationResult result)
    {
        var wanted = result.Line - 1;
        TextSpan? best = null;
        if (result.Text.Length > 0)
        {
            for (var at = text.Text.IndexOf(result.Text, StringComparison.Ordinal); at >= 0; at = text.Text.IndexOf(result.Text, at + 1, StringComparison.Ordinal))
            {
                if (best is not { } b || Math.Abs(text.GetLineIndex(at) - wanted) < Math.Abs(text.GetLineIndex(b.Start) - wanted))
                {
                    best = new TextSpan(at, result.Text.Length);
                }
            }
        }
        if (best is null && wanted >= 0 && wanted < text.LineCount)
        {
            var content = text.GetLineText(wanted);
            var indent = content.Length - content.TrimStart().Length;
            best = TextSpan.FromBounds(text.GetLineStart(wanted) + indent, text.GetLineStart(wanted) + content.TrimEnd().Length);
        }
        return best;
    }
}
