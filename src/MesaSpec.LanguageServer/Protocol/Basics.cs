using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesaSpec.LanguageServer.Protocol;

// LSP's basic structures (https://microsoft.github.io/language-server-protocol/specification).
// Only the fields this server reads or writes; the JSON options (camelCase, nulls omitted) are in LspJson.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record TextEdit(Range Range, string NewText);

public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

/// <summary>A workspace edit as a map from document URI to its edits.</summary>
public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);

public sealed record Command(string Title, [property: JsonPropertyName("command")] string Name, JsonElement[]? Arguments = null);

/// <summary>The JSON conventions of LSP messages, shared by the server, its tests and the benchmark client.</summary>
public static class LspJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    public static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}
