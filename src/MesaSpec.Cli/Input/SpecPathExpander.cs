using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Cli.Input;

/// <summary>
/// Turns the paths on the command line into spec files: a file is taken as named (whatever its
/// extension); a folder contributes every <c>*.mesa</c> below it, skipping build output and VCS folders.
/// </summary>
public static class SpecPathExpander
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", ".vs", ".vscode-test" };

    public sealed record Expansion(IReadOnlyList<string> Files, IReadOnlyList<Diagnostic> Problems);

    public static Expansion Expand(IEnumerable<string> fullPaths)
    {
        var files = new List<string>();
        var problems = new List<Diagnostic>();
        foreach (var path in fullPaths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Find(path).ToList();
                if (found.Count == 0)
                {
                    problems.Add(DiagnosticCatalog.NoSpecsFound(path));
                }
                files.AddRange(found);
            }
            else
            {
                problems.Add(DiagnosticCatalog.FileNotFound(path));
            }
        }
        return new Expansion([.. files.Distinct(StringComparer.Ordinal)], problems);
    }

    private static IEnumerable<string> Find(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            try
            {
                found.AddRange(Directory.EnumerateFiles(current, "*.mesa"));
                foreach (var sub in Directory.EnumerateDirectories(current))
                {
                    var info = new DirectoryInfo(sub);
                    // Never follow links: a link loop would never end.
                    if (!SkippedFolders.Contains(info.Name) && info.LinkTarget is null)
                    {
                        pending.Push(sub);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // An unreadable sub-folder holds nothing we can check; the others still count.
            }
        }
        return found.Order(StringComparer.Ordinal);
    }
}
