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
        (Verdict.MesaOptimizer, "mesa_optimizer"),
    ];

    /// <summary>Every verdict word, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Word).ToArray();

    public static string Word(Verdict verdict) => Table.First(t => t.Verdict == verdict).Word;

    /// <summary>"pseudo_aligned(GoToCorner)" for a named proxy, else the bare word.</summary>
    public static string Describe(Verdict verdict, string? proxy) =>
        verdict is Verdict.PseudoAligned or Verdict.MesaOptimizer && proxy is not null ? $"{Word(verdict)}({proxy})" : Word(verdict);

    /// <summary>The verdicts of an experiment trained on a task (in-context learning); the others judge environments.</summary>
    public static bool IsTaskVerdict(Verdict verdict) => verdict is Verdict.MesaOptimizer or Verdict.Inconclusive;

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

/// <summary>
/// The reference learners a model trained on a task is compared with (docs/language.md, "In-context learning"), and
/// the words <c>mesa_optimizer(...)</c> names them by.
/// </summary>
public enum ReferenceLearner
{
    /// <summary>One step of gradient descent on the context's squared loss from w = 0, learning rate fitted on training prompts.</summary>
    GradientDescent,
    /// <summary><see cref="LearnerWords.MultiStepCount"/> steps of gradient descent, one learning rate fitted on training prompts.</summary>
    MultiStepGradientDescent,
    /// <summary>Ridge regression with the Bayes-optimal penalty noise² (least squares, minimum norm, at noise 0).</summary>
    Ridge,
}

/// <summary>The one home of the reference learners' words.</summary>
public static class LearnerWords
{
    /// <summary>The steps of <see cref="ReferenceLearner.MultiStepGradientDescent"/>.</summary>
    public const int MultiStepCount = 3;

    private static readonly (ReferenceLearner Learner, string Word)[] Table =
    [
        (ReferenceLearner.GradientDescent, "gradient_descent"),
        (ReferenceLearner.MultiStepGradientDescent, "gradient_descent_steps"),
        (ReferenceLearner.Ridge, "ridge"),
    ];

    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Word).ToArray();

    public static IReadOnlyList<ReferenceLearner> Learners { get; } = Table.Select(t => t.Learner).ToArray();

    public static string Word(ReferenceLearner learner) => Table.First(t => t.Learner == learner).Word;

    public static bool TryParse(string word, out ReferenceLearner learner)
    {
        foreach (var (l, w) in Table)
        {
            if (w == word)
            {
                learner = l;
                return true;
            }
        }
        learner = default;
        return false;
    }

    /// <summary>The learner the reduced (reference) variant of a task experiment puts in the model's place: the Bayes-optimal one for linear tasks.</summary>
    public const ReferenceLearner Oracle = ReferenceLearner.Ridge;
}
