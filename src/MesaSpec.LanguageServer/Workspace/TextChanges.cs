using System.Text;
using MesaSpec.Language.Text;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Workspace;

/// <summary>Applies LSP content changes (incremental ranges or whole text) in order, as the protocol requires.</summary>
public static class TextChanges
{
    public static SourceText Apply(SourceText text, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        var current = text;
        foreach (var change in changes)
        {
            if (change.Range is null)
            {
                current = new SourceText(change.Text, text.Path);
                continue;
            }
            var span = current.ToSpan(change.Range);
            var builder = new StringBuilder(current.Length - span.Length + change.Text.Length);
            builder.Append(current.Text, 0, span.Start).Append(change.Text).Append(current.Text, span.End, current.Length - span.End);
            current = new SourceText(builder.ToString(), text.Path);
        }
        return current;
    }
}
