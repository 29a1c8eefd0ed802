using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Reports;
using MesaSpec.Tests.Samples;

namespace MesaSpec.Reporting.Tests;

public sealed class ReportDocumentsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("mesaspec-reports-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Writes_json_markdown_and_html_with_no_temporary_files_left()
    {
        var written = ReportDocuments.Write(SampleReports.Cancelled(), folder);

        Assert.Equal(["report.json", "report.md", "report.html"], written.Select(Path.GetFileName));
        Assert.Equal(3, Directory.GetFiles(folder).Length);
        Assert.Equal(RunStatus.Cancelled, ReportJson.Deserialize(File.ReadAllText(Path.Combine(folder, "report.json")))!.Status);
        Assert.Contains("cancelled: partial report", File.ReadAllText(Path.Combine(folder, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_json_from_before_preferred_actions_existed_still_renders()
    {
        var report = SampleReports.Finished();
        var json = ReportJson.Serialize(report).Replace("\"preferredActions\"", "\"ignoredOldField\"", StringComparison.Ordinal);
        var old = ReportJson.Deserialize(json)!;
        Assert.Null(old.Points[0].Evaluations[0].Samples[0].PreferredActions);
        Assert.Contains("<svg ", HtmlReport.Render(old), StringComparison.Ordinal);
    }
}
