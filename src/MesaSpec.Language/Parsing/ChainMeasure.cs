using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// What makes a chain of one kind: which nodes are links, which child of a link continues its chain, what a link
/// weighs, and a bound from the text alone: no chain written in a piece of text weighs more than <see cref="Bound"/> of it.
/// </summary>
internal sealed record ChainKind(int Max, Func<SyntaxNode, bool> IsLink, Func<SyntaxNode, SyntaxNode, bool> Continues, Func<SyntaxNode, int> Weight, ChainKind.TextBound Bound)
{
    public delegate int TextBound(ReadOnlySpan<char> text);
}

/// <summary>
/// Measures chained constructs (left-deep trees the parser builds iteratively) without recursion, for the caps that
/// keep later recursive walks off the stack (<see cref="ExceptChainLimit"/>, <see cref="ArithmeticChainLimit"/>).
/// </summary>
internal static class ChainMeasure
{
    /// <summary>
    /// For each kind, the top node of the first chain (in source order of tops) whose links weigh more than its
    /// <see cref="ChainKind.Max"/>, or null. A chain is a maximal set of links connected through
    /// <see cref="ChainKind.Continues"/>. Walking the tree (every node's <see cref="SyntaxNode.Children"/> allocates)
    /// was most of the cost of the caps, so a top-level item is walked only when its text could hold a chain over a
    /// cap (<see cref="ChainKind.Bound"/>), which no hand-written spec's does; then all kinds in one walk.
    /// </summary>
    public static SyntaxNode?[] FirstLongerThan(CompilationUnitSyntax root, string text, params ChainKind[] kinds)
    {
        var found = new SyntaxNode?[kinds.Length];
        var items = root.Items;
        for (var i = 0; i < items.Length; i++)
        {
            // Everything item i holds lies between its start and the next item's.
            var start = Math.Min(items[i].Span.Start, text.Length);
            var end = i + 1 < items.Length ? Math.Max(start, Math.Min(items[i + 1].Span.Start, text.Length)) : text.Length;
            if (MayExceed(text.AsSpan(start, end - start), kinds))
            {
                Walk(items[i], kinds, found);
            }
        }
        return found;
    }

    private static bool MayExceed(ReadOnlySpan<char> text, ChainKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (kind.Bound(text) > kind.Max)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Measures every chain below <paramref name="item"/>, each node visited once, and fills the kinds not yet <paramref name="found"/>.</summary>
    private static void Walk(SyntaxNode item, ChainKind[] kinds, SyntaxNode?[] found)
    {
        // Each chain's weight so far, in the order its top was reached: preorder, so the first over the cap is the
        // first in the source, as when each chain was measured from its top as soon as the walk reached it.
        var chains = new List<(SyntaxNode Top, int Kind, int Weight)>();
        var pending = new Stack<(SyntaxNode Node, int Chain)>();
        var children = new List<SyntaxNode>();
        pending.Push((item, -1));
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
        foreach (var (top, kind, weight) in chains)
        {
            if (found[kind] is null && weight > kinds[kind].Max)
            {
                found[kind] = top;
            }
        }
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
