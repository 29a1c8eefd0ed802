using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// What makes a chain of one kind: which nodes are links, which child of a link continues its chain, and what a link weighs.
/// </summary>
internal sealed record ChainKind(int Max, Func<SyntaxNode, bool> IsLink, Func<SyntaxNode, SyntaxNode, bool> Continues, Func<SyntaxNode, int> Weight);

/// <summary>
/// Measures chained constructs (left-deep trees the parser builds iteratively) without recursion, for the caps that
/// keep later recursive walks off the stack (<see cref="ExceptChainLimit"/>, <see cref="ArithmeticChainLimit"/>).
/// </summary>
internal static class ChainMeasure
{
    /// <summary>
    /// For each kind, the top node of the first chain (in source order of tops) whose links weigh more than its
    /// <see cref="ChainKind.Max"/>, or null. A chain is a maximal set of links connected through
    /// <see cref="ChainKind.Continues"/>. All kinds are measured in one walk of the tree, each node visited once:
    /// walking the tree (every node's <see cref="SyntaxNode.Children"/> allocates) was most of the cost of the caps,
    /// and a walk per cap paid it twice.
    /// </summary>
    public static SyntaxNode?[] FirstLongerThan(CompilationUnitSyntax root, params ChainKind[] kinds)
    {
        // Each chain's weight so far, in the order its top was reached: preorder, so the first over the cap is the
        // first in the source, as when each chain was measured from its top as soon as the walk reached it.
        var chains = new List<(SyntaxNode Top, int Kind, int Weight)>();
        var pending = new Stack<(SyntaxNode Node, int Chain)>();
        var children = new List<SyntaxNode>();
        pending.Push((root, -1));
        while (pending.Count > 0)
        {
            var (node, chain) = pending.Pop();
            var kind = chain >= 0 ? chains[chain].Kind : KindOf(node, kinds);
            if (kind >= 0)
            {
                if (chain < 0)
                {
                    chain = chains.Count;
                    chains.Add((node, kind, 0));
                }
                var entry = chains[chain];
                chains[chain] = entry with { Weight = entry.Weight + kinds[kind].Weight(node) };
            }
            children.Clear();
            children.AddRange(node.Children);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                var child = children[i];
                var continues = kind >= 0 && kinds[kind].IsLink(child) && kinds[kind].Continues(node, child);
                pending.Push((child, continues ? chain : -1));
            }
        }
        var found = new SyntaxNode?[kinds.Length];
        foreach (var (top, kind, weight) in chains)
        {
            if (found[kind] is null && weight > kinds[kind].Max)
            {
                found[kind] = top;
            }
        }
        return found;
    }

    private static int KindOf(SyntaxNode node, ChainKind[] kinds)
    {
        for (var k = 0; k < kinds.Length; k++)
        {
            if (kinds[k].IsLink(node))
            {
                return k;
            }
        }
        return -1;
    }
}
