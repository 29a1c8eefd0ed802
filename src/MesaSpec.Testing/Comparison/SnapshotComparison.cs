using System.Text.Json.Nodes;

namespace MesaSpec.Testing.Comparison;

/// <summary>
/// The outcome of comparing a received snapshot with the verified one: the differences beyond tolerance,
/// and the received snapshot with every in-tolerance score put back to its verified value, so a diff of
/// <see cref="Normalised"/> against the verified text shows only what failed.
/// </summary>
public sealed record SnapshotComparison(IReadOnlyList<SnapshotDifference> Differences, JsonNode Normalised)
{
    public bool Matches => Differences.Count == 0;
}
