namespace MesaSpec.Workspaces.Files;

/// <summary>
/// The path with every symbolic link on the way replaced by what it points to (like <c>realpath</c>), so a
/// confinement check compares where a file really is, not where a link to it sits. Parts that do not exist are
/// kept as written.
/// </summary>
public static class RealPath
{
    /// <summary>Links followed before the path is declared a loop (the kernel's own limit is 40).</summary>
    public const int MaxLinks = 40;

    /// <summary>The real path of a full path, or null when its links loop or cannot be read.</summary>
    public static string? Of(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath);
        if (string.IsNullOrEmpty(root))
        {
            return null;
        }
        var pending = new Stack<string>(Parts(fullPath[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        try
        {
            while (pending.TryPop(out var part))
            {
                if (part == ".")
                {
                    continue;
                }
                if (part == "..")
                {
                    // current never holds a link, so its parent is the real parent.
                    current = Path.GetDirectoryName(current) ?? current;
                    continue;
                }
                var next = Path.Combine(current, part);
                if (new FileInfo(next).LinkTarget is not { } target)
                {
                    current = next;
                    continue;
                }
                if (++links > MaxLinks)
                {
                    return null;
                }
                var targetRoot = Path.GetPathRoot(target);
                foreach (var targetPart in Parts(target[(targetRoot?.Length ?? 0)..]).Reverse())
                {
                    pending.Push(targetPart);
                }
                if (!string.IsNullOrEmpty(targetRoot))
                {
                    current = targetRoot;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
        return current;
    }

    private static string[] Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
