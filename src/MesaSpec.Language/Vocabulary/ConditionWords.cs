namespace MesaSpec.Language.Vocabulary;

/// <summary>
/// The words of rewards with state: <c>unless agent holds shield</c>, <c>if agent holds key</c>, <c>, at most 3</c>,
/// <c>after apple</c>.
/// The parser reads them from here, and the language server completes and highlights from here.
/// </summary>
public static class ConditionWords
{
    /// <summary>Counts when the agent holds the kind.</summary>
    public const string If = "if";

    /// <summary>Counts when the agent does not hold the kind.</summary>
    public const string Unless = "unless";

    public const string Holds = "holds";

    /// <summary><c>at most N</c>: the two words before a reward's count.</summary>
    public const string At = "at";

    public const string Most = "most";

    /// <summary><c>after apple</c>: counts once every item of the kind has left the grid, before this step.</summary>
    public const string After = "after";

    public static IReadOnlyList<string> Openers { get; } = [If, Unless];

    public static IReadOnlyList<string> Words { get; } = [If, Unless, Holds, At, Most, After];
}
