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

    /// <summary>The first arithmetic expression with more than <see cref="MaxOperators"/> operators, or null.</summary>
    public static ExpressionSyntax? FindTooLong(CompilationUnitSyntax root)
    {
        // Each expression is measured once from its top node; the arithmetic nodes below it are then skipped.
        var measured = new HashSet<SyntaxNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ExpressionSyntax>();
        foreach (var node in root.DescendantsAndSelf())
        {
            if (!IsArithmetic(node) || measured.Contains(node))
            {
                continue;
            }
            var top = (ExpressionSyntax)node;
            var operators = 0;
            pending.Clear();
            pending.Push(top);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                measured.Add(current);
                switch (current)
                {
                    case BinaryExpressionSyntax binary:
                        operators++;
                        pending.Push(binary.Left);
                        pending.Push(binary.Right);
                        break;
                    case NegationExpressionSyntax negation:
                        operators++;
                        pending.Push(negation.Operand);
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        pending.Push(parenthesized.Inner);
                        break;
                }
            }
            if (operators > MaxOperators)
            {
                return top;
            }
        }
        return null;
    }

    private static bool IsArithmetic(SyntaxNode node) =>
        node is BinaryExpressionSyntax or NegationExpressionSyntax or ParenthesizedExpressionSyntax;
}
