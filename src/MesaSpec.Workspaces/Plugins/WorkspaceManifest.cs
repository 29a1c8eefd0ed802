using System.Text.Json;
using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Workspaces.Plugins;

/// <summary>
/// <c>mesaspec.json</c>: what a workspace declares beyond its specs, today its plugins. The manifest that applies
/// to a spec is the nearest one in the spec's folder or above it, up to the workspace root, so a sample folder can
/// declare plugins without imposing them on the rest of the repository.
/// <code>{ "plugins": ["plugins/Spiral/Spiral.csproj", "lib/MyLab.Components.dll"] }</code>
/// A path is relative to the manifest's folder and names a built assembly or a project (its newest build output).
/// </summary>
public sealed record WorkspaceManifest(string Path, IReadOnlyList<string> Plugins)
{
    public const string FileName = "mesaspec.json";

    /// <summary>Larger than any hand-written manifest; a bigger file is refused rather than read.</summary>
    private const long MaxBytes = 1 << 20;

    /// <summary>The manifest that applies to the spec at <paramref name="specPath"/>, or null when there is none.</summary>
    public static string? Find(string specPath)
    {
        var full = System.IO.Path.GetFullPath(specPath);
        var root = WorkspaceRoot.For(full);
        for (var folder = new DirectoryInfo(System.IO.Path.GetDirectoryName(full) ?? root); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, FileName);
            if (File.Exists(candidate)) // File.Exists never throws: an unreadable folder is simply no manifest
            {
                return candidate;
            }
            if (string.Equals(System.IO.Path.TrimEndingDirectorySeparator(folder.FullName), System.IO.Path.TrimEndingDirectorySeparator(root), StringComparison.Ordinal))
            {
                break;
            }
        }
        return null;
    }

    /// <summary>Reads the manifest; a problem is a diagnostic on it, and the manifest then declares nothing.</summary>
    public static WorkspaceManifest Read(string path, List<Diagnostic> diagnostics)
    {
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                diagnostics.Add(DiagnosticCatalog.ManifestInvalid(path, $"it is larger than {MaxBytes} bytes"));
                return new(path, []);
            }
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(DiagnosticCatalog.ManifestInvalid(path, "expected an object such as { \"plugins\": [\"MyPlugin.dll\"] }"));
                return new(path, []);
            }
            var plugins = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name != "plugins")
                {
                    diagnostics.Add(DiagnosticCatalog.ManifestInvalid(path, $"unknown property '{property.Name}' (known: plugins)"));
                }
                else if (property.Value.ValueKind != JsonValueKind.Array || property.Value.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString())))
                {
                    diagnostics.Add(DiagnosticCatalog.ManifestInvalid(path, "'plugins' must be a list of paths (strings)"));
                }
                else
                {
                    plugins.AddRange(property.Value.EnumerateArray().Select(p => p.GetString()!));
                }
            }
            return new(path, plugins);
        }
        catch (JsonException e)
        {
            diagnostics.Add(DiagnosticCatalog.ManifestInvalid(path, $"not JSON ({e.Message})"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.ManifestInvalid(path, $"it cannot be read ({e.Message})"));
        }
        return new(path, []);
    }

    /// <summary>
    /// The assembly a declared plugin path names: the file itself, or for a project its newest
    /// <c>bin/&lt;configuration&gt;/&lt;framework&gt;/&lt;project&gt;.dll</c>; null with the reason when there is none.
    /// </summary>
    public (string? Assembly, string? Problem) AssemblyOf(string plugin)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, plugin));
        if (full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(full))
            {
                return (null, $"no project at {full}");
            }
            var name = System.IO.Path.GetFileNameWithoutExtension(full) + ".dll";
            var bin = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, "bin");
            var built = Directory.Exists(bin)
                ? Directory.EnumerateFiles(bin, name, SearchOption.AllDirectories).Select(f => new FileInfo(f)).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()
                : null;
            return built is null ? (null, $"the project is not built (run: dotnet build {full})") : (built.FullName, null);
        }
        return File.Exists(full) ? (full, null) : (null, $"no assembly at {full}");
    }
}
