using MesaSpec.Experiments.Reports;
using MesaSpec.Reporting;

namespace MesaSpec.Cli.Running;

/// <summary>
/// Writes a run's report files into its output folder (report.json, report.md, report.html); called after
/// every completed seed and at the end, so a cancelled or killed run keeps readable partial reports.
/// </summary>
internal static class ReportFiles
{
    public static string JsonPath(string directory) => Path.Combine(directory, ReportDocuments.JsonName);

    public static IReadOnlyList<string> Write(RunReport report, string directory) => ReportDocuments.Write(report, directory);
}
