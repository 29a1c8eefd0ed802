using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;

namespace MesaSpec.Reporting;

/// <summary>The report files of a run folder: report.json (the data), report.md and report.html (for people).</summary>
public static class ReportDocuments
{
    public const string JsonName = "report.json";
    public const string MarkdownName = "report.md";
    public const string HtmlName = "report.html";

    /// <summary>Writes all three, each through a temporary file and a rename so a reader never sees half a file.</summary>
    /// <param name="replay">The run's experiment, to replay the recorded episodes for report.html's episode browser.</param>
    public static IReadOnlyList<string> Write(RunReport report, string directory, ExperimentReplay? replay = null)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, JsonName);
        ReportJson.Write(report, json);
        return [json, .. WriteReadable(report, directory, replay)];
    }

    /// <summary>Writes report.md and report.html only (e.g. regenerating them from a stored report).</summary>
    public static IReadOnlyList<string> WriteReadable(RunReport report, string directory, ExperimentReplay? replay = null)
    {
        Directory.CreateDirectory(directory);
        var markdown = Path.Combine(directory, MarkdownName);
        var html = Path.Combine(directory, HtmlName);
        Atomic(markdown, MarkdownReport.Render(report));
        Atomic(html, HtmlReport.Render(report, replay));
        return [markdown, html];
    }

    private static void Atomic(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
