namespace MesaSpec.Testing.Running;

/// <summary>
/// How snapshot tests run. <see cref="Seeds"/> overrides the spec's seeds (0..n-1); <see cref="Threads"/> and
/// <see cref="Device"/> change speed, and for a fixed thread count never results (they are in the cache key,
/// and scrubbed from snapshots). <see cref="Accept"/> promotes received snapshots to verified;
/// <see cref="AcceptFromEnvironment"/> also honours <c>MESASPEC_ACCEPT=1</c>. <see cref="CacheDirectory"/>
/// defaults to <c>.mesaspec/cache/</c> of the spec's workspace. <see cref="RequireExpectations"/>: a failing
/// <c>expect</c> fails the test (off for variants whose policy is not the one the expectations describe).
/// </summary>
public sealed record SnapshotOptions
{
    /// <summary>The variable that accepts every received snapshot, like Verify's auto-verify.</summary>
    public const string AcceptVariable = "MESASPEC_ACCEPT";

    public int? Seeds { get; init; }

    public int Threads { get; init; } = 1;

    public string Device { get; init; } = "cpu";

    public bool UseCache { get; init; } = true;

    public string? CacheDirectory { get; init; }

    public bool Accept { get; init; }

    public bool AcceptFromEnvironment { get; init; } = true;

    public ExperimentVariant? Variant { get; init; }

    public bool RequireExpectations { get; init; } = true;

    /// <summary>Accepting: asked for, or <c>MESASPEC_ACCEPT</c> is 1/true (when <see cref="AcceptFromEnvironment"/>).</summary>
    public bool Accepting => Accept || (AcceptFromEnvironment && Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true" or "TRUE" or "True");

    /// <summary>The part of the cache key these options contribute.</summary>
    public string CacheSettings => $"threads={Threads} device={Device} variant={Variant?.Name ?? "none"}";
}
