namespace MesaSpec.Testing.Snapshots;

/// <summary>
/// Where an experiment's snapshots live: beside the spec, <c>&lt;spec&gt;.&lt;experiment&gt;.verified.json</c>
/// (committed) and <c>.received.json</c> (written on a mismatch or a new snapshot; git-ignored). A variant
/// (a reduced budget, a reference policy) adds its name: <c>&lt;spec&gt;.&lt;experiment&gt;.&lt;variant&gt;.verified.json</c>,
/// so it can never be mistaken for, or overwrite, the full run's snapshot.
/// </summary>
public sealed record SnapshotFiles(string Verified, string Received)
{
    public static SnapshotFiles For(string specPath, string experiment, string? variant = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(specPath)) ?? ".";
        var stem = $"{Path.GetFileNameWithoutExtension(specPath)}.{experiment}" + (string.IsNullOrEmpty(variant) ? "" : $".{variant}");
        return new SnapshotFiles(Path.Combine(folder, stem + ".verified.json"), Path.Combine(folder, stem + ".received.json"));
    }
}
