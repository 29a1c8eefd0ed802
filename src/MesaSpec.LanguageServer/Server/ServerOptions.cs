namespace MesaSpec.LanguageServer.Server;

/// <summary>Knobs for hosts and tests; the defaults are what editors get.</summary>
public sealed record ServerOptions
{
    /// <summary>Quiet time after a change before diagnostics are computed.</summary>
    public TimeSpan DiagnosticsDebounce { get; init; } = TimeSpan.FromMilliseconds(15);

    /// <summary>Levels sampled per environment by the identifiability analysis (0 turns the slow stage off).</summary>
    public int IdentifiabilityLevels { get; init; } = 64;

    /// <summary>The <c>mesaspec</c> program used by <c>mesaspec.run</c>, unless the client's settings name one.</summary>
    public string? CliPath { get; init; }

    /// <summary>Where diagnostics about the server itself go (stderr for the executable).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;
}
