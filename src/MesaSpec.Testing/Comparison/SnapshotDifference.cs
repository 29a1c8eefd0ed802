namespace MesaSpec.Testing.Comparison;

/// <summary>One value that differs beyond what the comparison allows; <see cref="Tolerance"/> is set for scores.</summary>
public sealed record SnapshotDifference(JsonPath Path, string? Verified, string? Received, double? Tolerance)
{
    /// <summary>"points[0].evaluations[1].verdict: "pseudo_aligned" → "robustly_aligned"".</summary>
    public override string ToString() =>
        $"{Path}: {Verified ?? "(absent)"} → {Received ?? "(absent)"}"
        + (Tolerance is { } t ? $" (tolerance {ScoreTolerance.Format(t)})" : "");
}
