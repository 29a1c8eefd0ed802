using MesaSpec.Language.Text;
using LanguageDiagnostic = MesaSpec.Language.Diagnostics.Diagnostic;
using LanguageSeverity = MesaSpec.Language.Diagnostics.DiagnosticSeverity;

namespace MesaSpec.LanguageServer.Protocol;

/// <summary>
/// All conversion between the language's offsets/spans and LSP's 0-based line/character positions.
/// Both count UTF-16 code units, so a position is a line start plus a character count.
/// </summary>
public static class LspConversions
{
    public static int ToOffset(this SourceText text, Position position) => text.GetOffset(position.Line, position.Character);

    public static Position ToPosition(this SourceText text, int offset)
    {
        var clamped = Math.Clamp(offset, 0, text.Length);
        var line = text.GetLineIndex(clamped);
        return new Position(line, clamped - text.GetLineStart(line));
    }

    public static Range ToRange(this SourceText text, TextSpan span) =>
        new(text.ToPosition(span.Start), text.ToPosition(span.End));

    public static TextSpan ToSpan(this SourceText text, Range range)
    {
        var start = text.ToOffset(range.Start);
        return TextSpan.FromBounds(start, Math.Max(start, text.ToOffset(range.End)));
    }

    public static LspDiagnostic ToLsp(this LanguageDiagnostic diagnostic, SourceText text) => new(
        text.ToRange(diagnostic.Span),
        diagnostic.Severity switch
        {
            LanguageSeverity.Error => LspDiagnosticSeverity.Error,
            LanguageSeverity.Warning => LspDiagnosticSeverity.Warning,
            _ => LspDiagnosticSeverity.Information,
        },
        diagnostic.Code,
        "mesaspec",
        diagnostic.Message,
        CodeDescription: DiagnosticDocs.For(diagnostic.Code));
}
