using MesaSpec.Language.Parsing;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Formatting;

/// <summary>
/// The file's comments in source order, handed out exactly once each: as leading comments (own line,
/// before a node), trailing comments (same line, after a node), or swallowed by a node written verbatim.
/// Every comment is emitted exactly once, which is what guarantees the formatter never loses one.
/// </summary>
internal sealed class CommentQueue(IReadOnlyList<Comment> comments, string text)
{
    private int _next;

    public bool IsEmpty => _next >= comments.Count;

    /// <summary>The next comment if it starts before <paramref name="offset"/>.</summary>
    public Comment? NextBefore(int offset) =>
        _next < comments.Count && comments[_next].Span.Start < offset ? comments[_next++] : null;

    /// <summary>True when a comment starts inside <paramref name="span"/>: the node must then be written as the author wrote it.</summary>
    public bool AnyInside(TextSpan span) =>
        _next < comments.Count && comments[_next].Span.Start < span.End && comments[_next].Span.Start >= span.Start;

    /// <summary>Marks every comment inside <paramref name="span"/> as written (the node's text carries them).</summary>
    public void SkipInside(TextSpan span)
    {
        while (_next < comments.Count && comments[_next].Span.Start < span.End)
        {
            _next++;
        }
    }

    /// <summary>Comments that follow <paramref name="end"/> on the same line, separated only by spaces, tabs or ';'.</summary>
    public (string Text, int End)? TakeTrailing(int end)
    {
        List<string>? taken = null;
        while (_next < comments.Count && OnlyInlineGap(end, comments[_next].Span.Start) && !comments[_next].Text.Contains('\n', StringComparison.Ordinal))
        {
            var comment = comments[_next++];
            (taken ??= []).Add(comment.Text);
            end = comment.Span.End;
        }
        return taken is null ? null : (string.Join(' ', taken), end);
    }

    private bool OnlyInlineGap(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is not (' ' or '\t' or '\r' or ';'))
            {
                return false;
            }
        }
        return true;
    }
}
