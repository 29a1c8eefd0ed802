namespace MesaSpec.Language.Vocabulary;

/// <summary>
/// The words that start a top-level item. The parser reads declarations, ends a body whose brace was forgotten,
/// resumes after an error and suggests a word from this one list.
/// </summary>
public static class DeclarationWords
{
    public const string Import = "import";

    // An array for the parser, which looks for these before every member: a foreach over the interface allocates.
    internal static readonly string[] Words = ["environment", "objective", "experiment", "task", Import];

    /// <summary>In the order the parser tries them and suggests them.</summary>
    public static IReadOnlyList<string> All => Words;

    /// <summary>The longest of <see cref="All"/>, for looking ahead.</summary>
    public static int Longest { get; } = Words.Max(w => w.Length);
}
