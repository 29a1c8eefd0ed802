using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// Caps <c>a except b except c ...</c> chains. The parser reads a chain iteratively, but the tree it
/// builds is left-deep, and the binder, formatter and language server walk regions recursively, so a
/// generated chain of thousands of <c>except</c>s would exhaust the stack. No hand-written spec comes
/// near the limit, so a longer chain is refused (MS1007) rather than half-read.
/// </summary>
internal static class ExceptChainLimit
{
    public const int MaxExcepts = 64;

    /// <summary>An <c>except</c> chain: each link's left operand continues it (a parenthesised right one starts its own).</summary>
    public static readonly ChainKind Chain = new(MaxExcepts,
        node => node is RegionExceptSyntax,
        (link, child) => ReferenceEquals(child, ((RegionExceptSyntax)link).Left),
        _ => 1,
        // Each link was read from its own 'except'.
        text => Occurrences(text, "except"));

    private static int Occurrences(ReadOnlySpan<char> text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, StringComparison.Ordinal))
        {
            count++;
            text = text[(at + word.Length)..];
        }
        return count;
    }
}
