using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Reporting;

namespace MesaSpec.Cli.Running;

/// <summary>
/// Writes a run's report files into its output folder (report.json, report.md, report.html); called after
/// every completed seed and at the end, so a cancelled or killed run keeps readable partial reports.
/// </summary>
internal static class ReportFiles
{
    public static string JsonPath(string directory) => Path.Combine(directory, ReportDocuments.JsonName);

    /// <param name="replay">The run's experiment, replaying the recorded episodes for report.html's episode browser.</param>
    public static IReadOnlyList<string> Write(RunReport report, string directory, ExperimentReplay? replay) => ReportDocuments.Write(report, directory, replay);
}
