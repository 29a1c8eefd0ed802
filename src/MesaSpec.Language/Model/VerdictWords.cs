namespace MesaSpec.Language.Model;

/// <summary>
/// The one home of the verdict words: how each <see cref="Verdict"/> is written in specs, reports, tables and
/// the editor. Every layer converts through this table instead of spelling the words again.
/// </summary>
public static class VerdictWords
{
    private static readonly (Verdict Verdict, string Word)[] Table =
    [
        (Verdict.RobustlyAligned, "robustly_aligned"),
        (Verdict.PseudoAligned, "pseudo_aligned"),
        (Verdict.Indistinguishable, "indistinguishable"),
        (Verdict.CapabilityFailure, "capability_failure"),
        (Verdict.Inconclusive, "inconclusive"),
    ];

    /// <summary>Every verdict word, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Word).ToArray();

    public static string Word(Verdict verdict) => Table.First(t => t.Verdict == verdict).Word;

    /// <summary>"pseudo_aligned(GoToCorner)" for a named proxy, else the bare word.</summary>
    public static string Describe(Verdict verdict, string? proxy) =>
        verdict == Verdict.PseudoAligned && proxy is not null ? $"pseudo_aligned({proxy})" : Word(verdict);

    public static bool TryParse(string word, out Verdict verdict)
    {
        foreach (var (v, w) in Table)
        {
            if (string.Equals(w, word, StringComparison.Ordinal))
            {
                verdict = v;
                return true;
            }
        }
        verdict = default;
        return false;
    }
}

/// <summary>The one home of the misgeneralisation words of report.json (<c>goal</c>, <c>capability</c>, <c>none</c>).</summary>
public static class MisgeneralisationWords
{
    public static string Word(Misgeneralisation kind) => kind switch
    {
        Misgeneralisation.Goal => "goal",
        Misgeneralisation.Capability => "capability",
        _ => "none",
    };

    /// <summary>"goal misgeneralisation" or "capability misgeneralisation" for a report's word; empty for none or null.</summary>
    public static string Phrase(string? word) =>
        word is null || word == Word(Misgeneralisation.None) ? "" : $"{word} misgeneralisation";
}
