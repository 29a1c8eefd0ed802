using System.Globalization;
using MesaSpec.Workspaces;

namespace MesaSpec.LanguageServer.Features.Running;

/// <summary>
/// Where runs started from the editor write their reports: <c>runs/&lt;Experiment&gt;-&lt;time&gt;/</c> under the
/// workspace folder holding the spec (the CLI's own default layout), and how to find the latest one.
/// </summary>
public static class ReportLocator
{
    public static string RunsFolder(IReadOnlyList<string> roots, string specPath) =>
        Path.Combine(roots.FirstOrDefault(r => WorkspaceRoot.Contains(r, specPath)) ?? Path.GetDirectoryName(specPath) ?? ".", "runs");

    public static string NewRunFolder(string runsFolder, string experiment) =>
        Path.Combine(runsFolder, $"{experiment}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

    /// <summary>The newest <c>report.json</c> of this experiment, or null.</summary>
    public static string? LatestReport(string runsFolder, string experiment)
    {
        try
        {
            if (!Directory.Exists(runsFolder))
            {
                return null;
            }
            return Directory.EnumerateDirectories(runsFolder, experiment + "-*")
                .Where(d => Path.GetFileName(d)[(experiment.Length + 1)..].All(c => char.IsDigit(c) || c == '-'))
                .Select(d => Path.Combine(d, "report.json"))
                .Where(File.Exists)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
