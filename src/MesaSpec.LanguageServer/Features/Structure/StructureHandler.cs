using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.Structure;

/// <summary><c>textDocument/foldingRange</c> (declarations, braced members, comment blocks, imports) and <c>textDocument/selectionRange</c> (syntax nesting).</summary>
public static class StructureHandler
{
    public static FoldingRange[] FoldingRanges(DocumentAnalysis analysis)
    {
        var tree = analysis.Compilation.MainTree;
        var text = tree.Text;
        var ranges = new List<FoldingRange>();
        void Add(TextSpan span, string? kind = null)
        {
            var start = text.GetLineIndex(span.Start);
            var end = text.GetLineIndex(Math.Max(span.Start, span.End - 1));
            if (end > start)
            {
                ranges.Add(new FoldingRange(start, end, kind));
            }
        }
        foreach (var declaration in tree.Root.Declarations)
        {
            Add(declaration.Span);
            foreach (var member in declaration.Members.Where(m => m is LayoutMemberSyntax or LegendMemberSyntax or ItemMemberSyntax { Braced: true }))
            {
                Add(member.Span);
            }
        }
        var imports = tree.Root.Imports.ToList();
        if (imports.Count > 1)
        {
            Add(TextSpan.FromBounds(imports[0].Span.Start, imports[^1].Span.End), "imports");
        }
        // Runs of line comments on consecutive lines fold as one block; a block comment folds alone.
        var comments = tree.Comments;
        for (var i = 0; i < comments.Count; i++)
        {
            if (comments[i].IsBlock)
            {
                Add(comments[i].Span, "comment");
                continue;
            }
            var j = i;
            while (j + 1 < comments.Count && !comments[j + 1].IsBlock && text.GetLineIndex(comments[j + 1].Span.Start) == text.GetLineIndex(comments[j].Span.Start) + 1)
            {
                j++;
            }
            Add(TextSpan.FromBounds(comments[i].Span.Start, comments[j].Span.End), "comment");
            i = j;
        }
        return [.. ranges.OrderBy(r => r.StartLine)];
    }

    public static SelectionRange[] SelectionRanges(DocumentAnalysis analysis, IReadOnlyList<Position> positions)
    {
        var tree = analysis.Compilation.MainTree;
        var text = tree.Text;
        return [.. positions.Select(position =>
        {
            var offset = text.ToOffset(position);
            SelectionRange? current = new(text.ToRange(tree.Root.Span));
            var previous = tree.Root.Span;
            foreach (var node in tree.Root.PathTo(offset).Skip(1))
            {
                if (node.Span != previous && node.Span.Length > 0)
                {
                    current = new SelectionRange(text.ToRange(node.Span), current);
                    previous = node.Span;
                }
            }
            return current;
        })];
    }
}
