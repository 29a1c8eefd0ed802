namespace MesaSpec.Testing.Snapshots;

/// <summary>A verified snapshot that no spec beside it produces any more, and why.</summary>
public sealed record OrphanedSnapshot(string Path, string Reason);

/// <summary>
/// Verified snapshots left behind by a renamed spec or experiment: <c>test</c> would never mention them, and they
/// would rot in the repository. A file <c>&lt;stem&gt;.&lt;rest&gt;.verified.json</c> in a folder of the tested specs
/// belongs to a spec <c>&lt;stem&gt;.mesa</c> beside it; it is an orphan when there is none, or when that spec was
/// tested and has no experiment named by the first part of <c>&lt;rest&gt;</c> (what follows is a variant's name).
/// A spec that was not tested (or did not compile) keeps every file that may be its own.
/// </summary>
public static class OrphanedSnapshots
{
    private const string VerifiedSuffix = ".verified.json";

    /// <param name="tested">Each tested spec (full path) with the names of its experiments.</param>
    public static IReadOnlyList<OrphanedSnapshot> Find(IReadOnlyDictionary<string, IReadOnlySet<string>> tested)
    {
        var orphans = new List<OrphanedSnapshot>();
        foreach (var folder in tested.Keys.Select(p => System.IO.Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal))
        {
            string[] specs, snapshots;
            try
            {
                specs = [.. Directory.EnumerateFiles(folder, "*.mesa")];
                snapshots = [.. Directory.EnumerateFiles(folder, "*" + VerifiedSuffix)];
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var snapshot in snapshots.Order(StringComparer.Ordinal))
            {
                var name = System.IO.Path.GetFileName(snapshot)[..^VerifiedSuffix.Length];
                var owners = specs.Where(s => name.StartsWith(System.IO.Path.GetFileNameWithoutExtension(s) + ".", StringComparison.Ordinal)).ToList();
                if (owners.Count == 0)
                {
                    orphans.Add(new OrphanedSnapshot(snapshot, $"no spec '{name.Split('.')[0]}.mesa' beside it (renamed or removed?)"));
                    continue;
                }
                var claimed = owners.Any(owner =>
                {
                    if (!tested.TryGetValue(owner, out var experiments))
                    {
                        return true;
                    }
                    var rest = name[(System.IO.Path.GetFileNameWithoutExtension(owner).Length + 1)..];
                    return experiments.Contains(rest.Split('.')[0]);
                });
                if (!claimed)
                {
                    var owner = owners.OrderByDescending(o => o.Length).First();
                    var experiment = name[(System.IO.Path.GetFileNameWithoutExtension(owner).Length + 1)..].Split('.')[0];
                    orphans.Add(new OrphanedSnapshot(snapshot, $"{System.IO.Path.GetFileName(owner)} has no experiment '{experiment}' (renamed or removed?)"));
                }
            }
        }
        return orphans;
    }
}
