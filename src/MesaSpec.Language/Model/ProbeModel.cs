using MesaSpec.Language.Catalogue;

namespace MesaSpec.Language.Model;

/// <summary>
/// <c>probe NAME: FEATURE(OBJECTIVE, ...) at layer K</c>, bound: the feature (a registry component whose
/// <see cref="ComponentModel.Entry"/> computes it), the objectives it is about, and the trunk layer (from 1) it reads.
/// </summary>
public sealed record ProbeModel(string Name, ComponentModel Feature, IReadOnlyList<ObjectiveModel> Objectives, int Layer)
{
    /// <summary>Classes, a value or yes/no: how the probe is fitted and scored.</summary>
    public FeatureKind Kind => Feature.Descriptor?.Feature ?? FeatureKind.Value;

    /// <summary>As written in reports: <c>cell_of(EatCheese) at layer 2</c>.</summary>
    public string Describe() => $"{Feature.Name}({string.Join(", ", Objectives.Select(o => o.Name))}) at layer {Layer}";
}

/// <summary><c>steer NAME by S</c>: evaluate again with S times the probe's unit direction added to its layer.</summary>
public sealed record SteerModel(string Probe, double Scale);

/// <summary>What a probe's score is compared with in <c>expect on ENV: probe(P) &gt; ...</c>.</summary>
public abstract record ProbeBound;

/// <summary>A number: <c>probe(P) &gt;= 0.8</c>.</summary>
public sealed record ProbeNumber(double Value) : ProbeBound;

/// <summary><c>probe(P) &gt; chance</c>: the score without reading the model.</summary>
public sealed record ProbeChance : ProbeBound;

/// <summary><c>probe(P) &gt; probe(Q)</c>: another probe's score on the same environment.</summary>
public sealed record OtherProbe(string Probe) : ProbeBound;

/// <summary>An expectation about a probe's held-out score on one evaluation environment.</summary>
public sealed record ProbeExpectation(string Probe, Comparison Comparison, ProbeBound Bound) : ExpectationBody;
