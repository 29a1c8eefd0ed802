using MesaSpec.Experiments.Reports;

namespace MesaSpec.Cli.Running;

/// <summary>Writes a run's report files into its output folder; called after every completed seed.</summary>
internal static class ReportFiles
{
    public static string JsonPath(string directory) => Path.Combine(directory, "report.json");

    public static void Write(RunReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        ReportJson.Write(report, JsonPath(directory));
    }
}
