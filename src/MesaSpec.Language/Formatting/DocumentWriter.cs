using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Formatting;

/// <summary>
/// Walks a parsed file and writes its canonical layout: 2-space indentation, one member per line,
/// <c>{</c> on the declaration line, one blank line between declarations, at most one blank line kept
/// where the author left one inside a body or between comments. Comments are re-attached where they
/// stood: own-line comments before the node that follows them, same-line comments after the node
/// they follow. A node that has a comment inside it is written exactly as the author wrote it.
/// </summary>
internal sealed class DocumentWriter
{
    private readonly SourceText _source;
    private readonly SyntaxPrinter _printer;
    private readonly CommentQueue _comments;
    private readonly FormattedLines _lines = new();
    private int _lastEnd;

    public DocumentWriter(SyntaxTree tree)
    {
        _source = tree.Text;
        _printer = new SyntaxPrinter(tree.Text);
        _comments = new CommentQueue(tree.Comments, tree.Text.Text);
    }

    public string Write(CompilationUnitSyntax root)
    {
        SyntaxNode? previous = null;
        foreach (var item in root.Items)
        {
            var separate = previous is DeclarationSyntax || (previous is not null && item is DeclarationSyntax);
            Leading(item.Span.Start, 0, forceBlank: separate, atBlockStart: previous is null, blankBeforeNode: true);
            switch (item)
            {
                case DeclarationSyntax declaration:
                    Declaration(declaration);
                    break;
                case ImportSyntax import:
                    Entry(import, 0, () => _lines.Add(0, "import " + _printer.Raw(import.Path)));
                    break;
                default:
                    Verbatim(item, 0);
                    break;
            }
            previous = item;
        }
        Leading(int.MaxValue, 0, forceBlank: previous is DeclarationSyntax, atBlockStart: previous is null, blankBeforeNode: false);
        return _lines.ToString();
    }

    private void Declaration(DeclarationSyntax declaration)
    {
        var header = TextSpan.FromBounds(declaration.KeywordSpan.Start, declaration.OpenBrace.End);
        if (_comments.AnyInside(header))
        {
            _lines.Add(0, _source.ToString(header));
            _comments.SkipInside(header);
        }
        else
        {
            _lines.Add(0, _printer.Header(declaration));
        }
        _lastEnd = header.End;
        Trailing(header.End);
        Block(declaration.Members, 1, declaration.CloseBrace!.Value, Member);
    }

    /// <summary>The entries of a braced body, the comments among them, and the closing brace one level out.</summary>
    private void Block<T>(IEnumerable<T> entries, int indent, TextSpan closeBrace, Action<T, int> write) where T : SyntaxNode
    {
        var atStart = true;
        foreach (var entry in entries)
        {
            Leading(entry.Span.Start, indent, forceBlank: false, atBlockStart: atStart, blankBeforeNode: true);
            Entry(entry, indent, () => write(entry, indent));
            atStart = false;
        }
        Leading(closeBrace.Start, indent, forceBlank: false, atBlockStart: atStart, blankBeforeNode: false);
        _lines.Add(indent - 1, "}");
        _lastEnd = closeBrace.End;
        Trailing(closeBrace.End);
    }

    private void Member(MemberSyntax member, int indent)
    {
        switch (member)
        {
            case ItemMemberSyntax { Braced: true } item:
                NestedBlock(indent, $"item {item.Kind.Text} {{", item.Properties.Select(_printer.ItemProperty));
                break;
            case LayoutMemberSyntax layout:
                NestedBlock(indent, "layout {", layout.Rows.Select(_printer.Raw));
                break;
            case LegendMemberSyntax legend:
                NestedBlock(indent, "legend {", legend.Entries.Select(_printer.LegendEntry));
                break;
            default:
                _lines.Add(indent, _printer.Member(member));
                break;
        }
    }

    /// <summary>A braced member without comments inside (else it is written verbatim): one entry per line.</summary>
    private void NestedBlock(int indent, string opening, IEnumerable<string> entries)
    {
        _lines.Add(indent, opening);
        foreach (var entry in entries)
        {
            _lines.Add(indent + 1, entry);
        }
        _lines.Add(indent, "}");
    }

    private void Entry(SyntaxNode node, int indent, Action write)
    {
        if (_comments.AnyInside(node.Span))
        {
            Verbatim(node, indent);
        }
        else
        {
            write();
        }
        _lastEnd = node.Span.End;
        Trailing(node.Span.End);
    }

    private void Verbatim(SyntaxNode node, int indent)
    {
        _lines.Add(indent, _source.ToString(node.Span));
        _comments.SkipInside(node.Span);
    }

    private void Trailing(int end)
    {
        if (_comments.TakeTrailing(end) is { } trailing)
        {
            _lines.SetTrailing(trailing.Text);
            _lastEnd = trailing.End;
        }
    }

    /// <summary>
    /// Own-line comments before <paramref name="before"/>, then the blank line (if any) that precedes the node.
    /// A blank line the author left is kept (one at most), except right after an opening brace.
    /// </summary>
    private void Leading(int before, int indent, bool forceBlank, bool atBlockStart, bool blankBeforeNode)
    {
        var first = true;
        while (_comments.NextBefore(before) is { } comment)
        {
            if (first ? forceBlank || (!atBlockStart && BlankLineBetween(_lastEnd, comment.Span.Start)) : BlankLineBetween(_lastEnd, comment.Span.Start))
            {
                _lines.AddBlank();
            }
            _lines.Add(indent, comment.Text);
            _lastEnd = comment.Span.End;
            Trailing(comment.Span.End);
            first = false;
        }
        if (!blankBeforeNode || before == int.MaxValue)
        {
            return;
        }
        if (first ? forceBlank || (!atBlockStart && BlankLineBetween(_lastEnd, before)) : BlankLineBetween(_lastEnd, before))
        {
            _lines.AddBlank();
        }
    }

    private bool BlankLineBetween(int from, int to)
    {
        var newlines = 0;
        for (var i = Math.Max(0, from); i < Math.Min(to, _source.Length); i++)
        {
            if (_source[i] == '\n' && ++newlines >= 2)
            {
                return true;
            }
        }
        return false;
    }
}
