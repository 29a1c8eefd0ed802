namespace MesaSpec.Experiments.Reports;

/// <summary>
/// One linear probe on one evaluation environment across seeds (docs/language.md, "Probes and steering"): its held-out
/// score (accuracy for classes and yes/no, R² for values) against chance, means over seeds with 95% t intervals.
/// </summary>
public sealed record ProbeReport
{
    public required string Environment { get; init; }

    /// <summary>The environment's declaration name, which <c>expect on</c> lines name (not serialised: the report shows <see cref="Environment"/>).</summary>
    internal string Declaration { get; init; } = "";

    public required string Probe { get; init; }

    /// <summary>The feature as written, e.g. <c>cell_of(EatCheese)</c>.</summary>
    public required string Feature { get; init; }

    /// <summary>The trunk layer read, from 1.</summary>
    public required int Layer { get; init; }

    /// <summary>"accuracy" or "r2".</summary>
    public required string Measure { get; init; }

    public required Estimate Score { get; init; }

    /// <summary>The training majority class's accuracy on the held-out rows, or 0 for R².</summary>
    public required Estimate Chance { get; init; }

    /// <summary>Score minus chance, seed by seed.</summary>
    public required Estimate Gain { get; init; }

    public required IReadOnlyList<ProbeSeedReport> PerSeed { get; init; }
}

/// <summary>One seed's probe: scores (null: not measurable), the rows and levels fitted and held out, the ridge penalty chosen.</summary>
public sealed record ProbeSeedReport(int Seed, double? Score, double? Chance, int TrainRows, int TestRows, int TrainLevels, int TestLevels, double? Penalty);

/// <summary>
/// Steering with one probe's direction on one evaluation environment: each candidate's score (all scored episodes) on
/// the same levels without and with the vector, and the change, its interval a paired clustered bootstrap over seeds and levels.
/// </summary>
public sealed record SteeringReport
{
    public required string Environment { get; init; }

    public required string Probe { get; init; }

    public required int Layer { get; init; }

    public required double Scale { get; init; }

    public required IReadOnlyList<SteeredObjective> Objectives { get; init; }
}

public sealed record SteeredObjective(string Name, Estimate Unsteered, Estimate Steered, Estimate Change);
