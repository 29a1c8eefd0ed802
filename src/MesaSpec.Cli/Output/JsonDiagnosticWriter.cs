using System.Text.Encodings.Web;
using System.Text.Json;
using MesaSpec.Cli.Commands;
using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Cli.Output;

/// <summary>
/// <c>--format json</c>: one JSON document for tools. Schema: <c>{ files: [path], diagnostics: [{ code,
/// severity, message, path, span: { start, length }, start: { line, column }, end: { line, column },
/// fix?: { title, edits: [{ start, length, newText }] } }], summary: { files, errors, warnings, infos } }</c>.
/// Lines and columns are 1-based; offsets are UTF-16 code units.
/// </summary>
public static class JsonDiagnosticWriter
{
    public static void Write(CommandContext context, IReadOnlyList<string> files, IReadOnlyList<ReportedDiagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStringValue(context.Display(file));
            }
            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var reported in diagnostics)
            {
                WriteDiagnostic(json, context, reported);
            }
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", files.Count);
            json.WriteNumber("errors", diagnostics.Count(d => d.Diagnostic.Severity == DiagnosticSeverity.Error));
            json.WriteNumber("warnings", diagnostics.Count(d => d.Diagnostic.Severity == DiagnosticSeverity.Warning));
            json.WriteNumber("infos", diagnostics.Count(d => d.Diagnostic.Severity == DiagnosticSeverity.Info));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, CommandContext context, ReportedDiagnostic reported)
    {
        var (diagnostic, source) = reported;
        json.WriteStartObject();
        json.WriteString("code", diagnostic.Code);
        json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
        json.WriteString("message", diagnostic.Message);
        json.WriteString("path", context.Display(diagnostic.Path));
        json.WriteStartObject("span");
        json.WriteNumber("start", diagnostic.Span.Start);
        json.WriteNumber("length", diagnostic.Span.Length);
        json.WriteEndObject();
        if (source is not null)
        {
            var start = source.GetPosition(diagnostic.Span.Start);
            var end = source.GetPosition(diagnostic.Span.End);
            json.WriteStartObject("start");
            json.WriteNumber("line", start.Line);
            json.WriteNumber("column", start.Column);
            json.WriteEndObject();
            json.WriteStartObject("end");
            json.WriteNumber("line", end.Line);
            json.WriteNumber("column", end.Column);
            json.WriteEndObject();
        }
        if (diagnostic.Fix is { } fix)
        {
            json.WriteStartObject("fix");
            json.WriteString("title", fix.Title);
            json.WriteStartArray("edits");
            foreach (var edit in fix.Edits)
            {
                json.WriteStartObject();
                json.WriteNumber("start", edit.Span.Start);
                json.WriteNumber("length", edit.Span.Length);
                json.WriteString("newText", edit.NewText);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
