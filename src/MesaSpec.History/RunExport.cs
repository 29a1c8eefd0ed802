using MesaSpec.Experiments.Running;
using System.Text.Json;
using System.Text.Json.Nodes;
using MesaSpec.Experiments.Reports;

namespace MesaSpec.History;

/// <summary>
/// A run as one JSON document (<c>mesaspec runs export ID</c>): the record (spec text, settings, status,
/// artifacts) and the full report in the report.json shape, to archive or to share.
/// </summary>
public static class RunExport
{
    public const int FormatVersion = 1;

    public static string ToJson(StoredRun run)
    {
        var s = run.Summary;
        var document = new JsonObject
        {
            ["exportVersion"] = FormatVersion,
            ["id"] = run.Id,
            ["experiment"] = s.Experiment,
            ["status"] = s.Status.Word(),
            ["statusDetail"] = run.StatusDetail,
            ["passed"] = s.Passed,
            ["startedAt"] = s.StartedAt,
            ["updatedAt"] = s.UpdatedAt,
            ["engineVersion"] = run.EngineVersion,
            ["host"] = run.Host,
            ["settings"] = JsonSerializer.SerializeToNode(run.Settings),
            ["seeds"] = JsonSerializer.SerializeToNode(run.Seeds),
            ["outputDirectory"] = run.OutputDirectory,
            ["spec"] = new JsonObject { ["path"] = s.SpecPath, ["sha256"] = s.SpecSha256, ["text"] = run.SpecText },
            ["artifacts"] = new JsonArray(run.Artifacts.Select(a => (JsonNode)new JsonObject { ["kind"] = a.Kind, ["path"] = a.Path }).ToArray()),
            ["report"] = run.Report is null ? null : JsonNode.Parse(ReportJson.Serialize(run.Report)),
        };
        return document.ToJsonString(ReportJson.Options);
    }
}
