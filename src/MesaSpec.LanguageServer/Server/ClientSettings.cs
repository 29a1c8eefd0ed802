using System.Text.Json;

namespace MesaSpec.LanguageServer.Server;

/// <summary>
/// The client's <c>mesaspec.*</c> settings, from <c>initializationOptions</c> or <c>workspace/configuration</c>.
/// Accepts nested (<c>{"mesaspec": {"cli": {"path": ...}}}</c>, <c>{"cli": {"path": ...}}</c>) and flat
/// (<c>{"mesaspec.cli.path": ...}</c>) shapes, since clients differ.
/// </summary>
public sealed class ClientSettings
{
    public string? CliPath { get; set; }

    public void ReadInitializationOptions(JsonElement? options)
    {
        if (options is { ValueKind: JsonValueKind.Object } element && FindCliPath(element) is { } path)
        {
            CliPath = path;
        }
    }

    public static string? FindCliPath(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (element.TryGetProperty("mesaspec.cli.path", out var flat) && flat.ValueKind == JsonValueKind.String)
        {
            return NonEmpty(flat.GetString());
        }
        if (element.TryGetProperty("mesaspec", out var nested))
        {
            return FindCliPath(nested);
        }
        if (element.TryGetProperty("cli.path", out var dotted) && dotted.ValueKind == JsonValueKind.String)
        {
            return NonEmpty(dotted.GetString());
        }
        if (element.TryGetProperty("cli", out var cli) && cli.ValueKind == JsonValueKind.Object
            && cli.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String)
        {
            return NonEmpty(path.GetString());
        }
        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
