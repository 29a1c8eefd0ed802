using MesaSpec.Language.Binding;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Tests.Support;

/// <summary>
/// Files held in memory under a workspace root (default <c>/ws</c>). Resolves imports relative to the
/// importing file with POSIX path rules and refuses paths that leave the workspace, like the CLI's
/// file-system resolver, without touching the disk.
/// </summary>
internal sealed class InMemorySourceResolver(IReadOnlyDictionary<string, string> files, string root = "/ws") : ISourceResolver
{
    public List<string> Requests { get; } = [];

    public ImportResolution Resolve(string importingPath, string importPath)
    {
        Requests.Add(importPath);
        var folder = importingPath.Contains('/', StringComparison.Ordinal) ? importingPath[..importingPath.LastIndexOf('/')] : root;
        var full = Normalize(importPath.StartsWith('/') ? importPath : folder + "/" + importPath);
        if (full is null || !(full + "/").StartsWith(root + "/", StringComparison.Ordinal) || full == root)
        {
            return new ImportResolution(ImportStatus.OutsideWorkspace, full ?? importPath, null);
        }
        return files.TryGetValue(full, out var text)
            ? new ImportResolution(ImportStatus.Found, full, new SourceText(text, full))
            : new ImportResolution(ImportStatus.NotFound, full, null);
    }

    /// <summary>Collapses "." and ".."; null when ".." climbs above "/".</summary>
    private static string? Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }
}
