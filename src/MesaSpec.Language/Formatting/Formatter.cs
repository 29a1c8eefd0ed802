using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Formatting;

/// <summary>The formatted text of the whole declarations overlapping a requested span, and the source span it replaces.</summary>
public sealed record FormattedRange(TextSpan Span, string Text);

/// <summary>
/// The canonical layout of a spec. Idempotent, keeps every comment, and never changes meaning: the
/// output is re-parsed and compared with the input (<see cref="SyntaxShape"/>, comments), and the
/// input is returned unchanged if anything differs. A file with syntax errors is returned unchanged
/// too, rather than risk losing text the parser skipped.
/// </summary>
public static class Formatter
{
    public static string Format(SyntaxTree tree)
    {
        var original = tree.Text.Text;
        if (!CanFormat(tree))
        {
            return original;
        }
        var formatted = new DocumentWriter(tree).Write(tree.Root);
        return formatted == original || PreservesMeaning(tree, formatted) ? formatted : original;
    }

    public static string Format(string text) => Format(SyntaxTree.Parse(text));

    /// <summary>
    /// Formats the top-level items (declarations, imports) overlapping <paramref name="span"/>, with their
    /// leading comments, and returns the text that replaces them. Null when the file has syntax errors
    /// or nothing overlaps.
    /// </summary>
    public static FormattedRange? FormatRange(SyntaxTree tree, TextSpan span)
    {
        if (!CanFormat(tree))
        {
            return null;
        }
        var items = tree.Root.Items;
        var touched = Enumerable.Range(0, items.Length)
            .Where(i => items[i].Span.OverlapsWith(span) || (span.Length == 0 && items[i].Span.Touches(span.Start)))
            .ToList();
        if (touched.Count == 0)
        {
            return null;
        }
        var formattedText = Format(tree);
        var formatted = SyntaxTree.Parse(formattedText, tree.Text.Path);
        if (formatted.Root.Items.Length != items.Length)
        {
            return null;
        }
        var (first, last) = (touched[0], touched[^1]);
        var source = TextSpan.FromBounds(ItemRegionStart(tree, first), ItemRegionEnd(tree, last));
        var target = TextSpan.FromBounds(ItemRegionStart(formatted, first), ItemRegionEnd(formatted, last));
        return new FormattedRange(source, formatted.Text.ToString(target));
    }

    private static bool CanFormat(SyntaxTree tree) =>
        !tree.Diagnostics.Any(d => d.IsError)
        && !tree.Root.Items.Any(i => i is ErrorDeclarationSyntax
            || (i is DeclarationSyntax d && (d.CloseBrace is null || d.Members.Any(m => m is ErrorMemberSyntax))));

    private static bool PreservesMeaning(SyntaxTree tree, string formatted)
    {
        var reparsed = SyntaxTree.Parse(formatted, tree.Text.Path);
        return CanFormat(reparsed)
            && SyntaxShape.Of(reparsed.Root) == SyntaxShape.Of(tree.Root)
            && reparsed.Comments.Select(c => c.Text).SequenceEqual(tree.Comments.Select(c => FormattedLines.UnixLineEnds(c.Text)));
    }

    /// <summary>Item i owns the text from the line after the previous item (its leading comments and blank line) to the end of its own line.</summary>
    private static int ItemRegionStart(SyntaxTree tree, int index)
    {
        if (index == 0)
        {
            return 0;
        }
        var previousEnd = ItemRegionEnd(tree, index - 1);
        var start = tree.Root.Items[index].Span.Start;
        var text = tree.Text.Text;
        var lineBreak = text.IndexOf('\n', previousEnd);
        return lineBreak >= 0 && lineBreak < start ? lineBreak + 1 : start;
    }

    private static int ItemRegionEnd(SyntaxTree tree, int index)
    {
        var items = tree.Root.Items;
        var end = items[index].Span.End;
        var text = tree.Text.Text;
        var lineBreak = text.IndexOf('\n', end);
        var lineEnd = lineBreak < 0 ? text.Length : lineBreak;
        var nextStart = index + 1 < items.Length ? items[index + 1].Span.Start : int.MaxValue;
        return nextStart > lineEnd ? lineEnd : end;
    }
}
