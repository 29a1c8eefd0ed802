namespace MesaSpec.Language.Vocabulary;

/// <summary>
/// The one table of the words about probes (binder, builder, completion, hover and highlighting read it): what a
/// probe reads (<c>at layer K</c>), the metric word of probe expectations and the baseline they compare with.
/// </summary>
public static class ProbeWords
{
    /// <summary>What a probe reads: a trunk layer of the model, numbered from 1.</summary>
    public const string Layer = "layer";

    /// <summary>Every kind of state a probe can read (a recurrent state joins when models have one).</summary>
    public static readonly string[] Reads = [Layer];

    /// <summary><c>probe(P)</c> in an expectation: the probe's held-out accuracy or R².</summary>
    public const string Probe = "probe";

    /// <summary><c>probe(P) &gt; chance</c>: the majority class's accuracy, or R² 0.</summary>
    public const string Chance = "chance";

    public const string ProbeDoc = "**probe**(P): the held-out score of probe P on this environment (accuracy for cells and `closer`, R² for distances), mean over seeds with a t interval.";

    public const string ChanceDoc = "**chance**: what a probe scores without reading the model: the training levels' majority class on held-out levels (accuracy), or 0 (R²).";
}
