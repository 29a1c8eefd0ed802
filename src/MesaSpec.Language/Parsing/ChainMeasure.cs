using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// Measures chained constructs (left-deep trees the parser builds iteratively) without recursion, for the caps that
/// keep later recursive walks off the stack (<see cref="ExceptChainLimit"/>, <see cref="ArithmeticChainLimit"/>).
/// </summary>
internal static class ChainMeasure
{
    /// <summary>
    /// The top node of the first chain whose links weigh more than <paramref name="max"/>, or null. A chain is a
    /// maximal set of nodes for which <paramref name="isLink"/> holds, connected through <paramref name="next"/>;
    /// each is measured once, from its top, and the links below it are then skipped.
    /// </summary>
    public static SyntaxNode? FirstLongerThan(CompilationUnitSyntax root, int max, Func<SyntaxNode, bool> isLink,
        Func<SyntaxNode, IEnumerable<SyntaxNode>> next, Func<SyntaxNode, int> weight)
    {
        var measured = new HashSet<SyntaxNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<SyntaxNode>();
        foreach (var node in root.DescendantsAndSelf())
        {
            if (!isLink(node) || measured.Contains(node))
            {
                continue;
            }
            var length = 0;
            pending.Clear();
            pending.Push(node);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                measured.Add(current);
                length += weight(current);
                foreach (var link in next(current).Where(isLink))
                {
                    pending.Push(link);
                }
            }
            if (length > max)
            {
                return node;
            }
        }
        return null;
    }
}
