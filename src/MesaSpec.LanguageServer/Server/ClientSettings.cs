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

    /// <summary>
    /// The client vouches for the workspace (<c>mesaspec.trustedWorkspace: true</c>; VS Code sends its workspace
    /// trust): only then does the server load the descriptors of the workspace's plugins, which are code.
    /// </summary>
    public bool TrustedWorkspace { get; set; }

    public void ReadInitializationOptions(JsonElement? options)
    {
        if (options is { ValueKind: JsonValueKind.Object } element)
        {
            if (FindCliPath(element) is { } path)
            {
                CliPath = path;
            }
            TrustedWorkspace = FindTrust(element);
        }
    }

    private static bool FindTrust(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && (element.TryGetProperty("mesaspec.trustedWorkspace", out var flat) ? flat.ValueKind == JsonValueKind.True
            : element.TryGetProperty("trustedWorkspace", out var plain) ? plain.ValueKind == JsonValueKind.True
            : element.TryGetProperty("mesaspec", out var nested) && FindTrust(nested));

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
