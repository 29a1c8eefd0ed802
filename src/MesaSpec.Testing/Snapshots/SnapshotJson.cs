using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MesaSpec.Testing.Snapshots;

/// <summary>
/// The one text form of snapshots: indented JSON, "\n" line ends and a final newline, so a verified file
/// is byte-identical on every machine and its diff in review shows only what changed.
/// </summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode snapshot) => snapshot.ToJsonString(Options).ReplaceLineEndings("\n") + "\n";

    /// <summary>The snapshot in <paramref name="text"/>, or null when it is not a JSON object.</summary>
    public static JsonObject? Read(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The snapshot in <paramref name="text"/>, or null with what is wrong with it (where the JSON breaks, or that it is not an object).</summary>
    public static JsonObject? Parse(string text, out string? problem)
    {
        try
        {
            var node = JsonNode.Parse(text);
            problem = node is JsonObject ? null : "it is JSON but not a snapshot (an object)";
            return node as JsonObject;
        }
        catch (JsonException e)
        {
            problem = $"it is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]})";
            return null;
        }
    }

    /// <summary>Writes through a temporary file and a rename, so parallel tests never read half a file.</summary>
    public static void WriteFile(string path, JsonNode snapshot) => WriteText(path, Write(snapshot));

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) through a temporary file and a rename.</summary>
    public static void WriteText(string path, string text)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
