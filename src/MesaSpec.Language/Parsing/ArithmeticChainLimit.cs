using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// Caps the operators of one arithmetic expression, as <see cref="ExceptChainLimit"/> caps <c>except</c> chains:
/// the parser reads <c>1 + 1 + 1 ...</c> iteratively, but the tree is left-deep and the binder, formatter and
/// language server walk expressions recursively, so a generated chain of thousands of operators would exhaust
/// the stack. No hand-written value comes near the limit, so a longer one is refused (MS1020).
/// </summary>
internal static class ArithmeticChainLimit
{
    public const int MaxOperators = 64;

    /// <summary>One arithmetic expression: operators, negations and parentheses, connected through any operand.</summary>
    public static readonly ChainKind Chain = new(MaxOperators,
        node => node is BinaryExpressionSyntax or NegationExpressionSyntax or ParenthesizedExpressionSyntax,
        (_, _) => true,
        // Parentheses group; they are no operator (the bracket cap, MS1005, bounds their nesting).
        node => node is ParenthesizedExpressionSyntax ? 0 : 1,
        // Each operator and each negation was read from its own '+', '-', '*' or '/'.
        text => text.Count('+') + text.Count('-') + text.Count('*') + text.Count('/'));
}
