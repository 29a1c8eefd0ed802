using MesaSpec.Language.Text;

namespace MesaSpec.Language.Syntax;

/// <summary>
/// Base of every syntax node. Nodes are immutable and carry the span of their text (without
/// surrounding trivia). <see cref="Children"/> lists child nodes in source order, which is all the
/// language server needs to find the node under a cursor.
/// </summary>
public abstract record SyntaxNode(TextSpan Span)
{
    public abstract IEnumerable<SyntaxNode> Children { get; }

    /// <summary>All nodes below this one, depth-first, in source order.</summary>
    public IEnumerable<SyntaxNode> DescendantsAndSelf()
    {
        var stack = new Stack<SyntaxNode>();
        var children = new List<SyntaxNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            children.Clear();
            children.AddRange(node.Children);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    /// <summary>The innermost node whose span touches <paramref name="offset"/>, from this node down.</summary>
    public SyntaxNode FindInnermost(int offset)
    {
        var current = this;
        while (true)
        {
            var next = current.Children.FirstOrDefault(c => c.Span.Touches(offset));
            if (next is null)
            {
                return current;
            }
            current = next;
        }
    }

    /// <summary>The chain of nodes from this one down to the innermost node touching <paramref name="offset"/>.</summary>
    public IReadOnlyList<SyntaxNode> PathTo(int offset)
    {
        var path = new List<SyntaxNode> { this };
        var current = this;
        while (current.Children.FirstOrDefault(c => c.Span.Touches(offset)) is { } next)
        {
            path.Add(next);
            current = next;
        }
        return path;
    }

    protected static IEnumerable<SyntaxNode> Nodes(params SyntaxNode?[] nodes) => nodes.Where(n => n is not null)!;
}

/// <summary>An identifier: a declared name, a reference, a keyword-like word in an open slot.</summary>
public sealed record IdentifierSyntax(string Text, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];

    public override string ToString() => Text;
}
