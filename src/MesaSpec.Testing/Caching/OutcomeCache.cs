using System.Text.Json.Nodes;
using MesaSpec.Testing.Snapshots;

namespace MesaSpec.Testing.Caching;

/// <summary>A finished run's received snapshot and the expectations it failed (with their details, which the snapshot leaves out).</summary>
public sealed record CachedOutcome(JsonObject Snapshot, IReadOnlyList<string> FailedExpectations);

/// <summary>
/// Received snapshots of finished runs, one file per <see cref="CacheKey"/> under <c>.mesaspec/cache/</c>
/// of the workspace. Only complete runs are stored; a file that cannot be read is a miss, never an error.
/// </summary>
public sealed class OutcomeCache(string directory)
{
    public const string FolderName = ".mesaspec/cache";

    public string Directory { get; } = directory;

    public static OutcomeCache InWorkspace(string workspaceRoot) => new(Path.Combine(workspaceRoot, ".mesaspec", "cache"));

    public string PathFor(CacheKey key) => Path.Combine(Directory, key.Hash + ".json");

    public CachedOutcome? TryGet(CacheKey key)
    {
        try
        {
            var path = PathFor(key);
            if (!File.Exists(path) || SnapshotJson.Read(File.ReadAllText(path)) is not { } entry
                || entry["snapshot"] is not JsonObject snapshot || entry["failedExpectations"] is not JsonArray failed)
            {
                return null;
            }
            return new CachedOutcome(snapshot.DeepClone().AsObject(), failed.Select(f => f?.GetValue<string>() ?? "").ToList());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Put(CacheKey key, CachedOutcome outcome)
    {
        var entry = new JsonObject
        {
            ["key"] = key.Description,
            ["snapshot"] = outcome.Snapshot.DeepClone(),
            ["failedExpectations"] = new JsonArray(outcome.FailedExpectations.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
        };
        try
        {
            SnapshotJson.WriteFile(PathFor(key), entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs time on the next run.
        }
    }
}
