using MesaSpec.Language.Text;

namespace MesaSpec.Language.Diagnostics;

public enum DiagnosticSeverity { Error, Warning, Info }

/// <summary>Replace <see cref="Span"/> with <see cref="NewText"/> in the diagnostic's file.</summary>
public sealed record TextEdit(TextSpan Span, string NewText);

/// <summary>An obvious fix: a title for the editor's quick-fix menu and the edits that apply it.</summary>
public sealed record CodeFix(string Title, IReadOnlyList<TextEdit> Edits);

/// <summary>
/// One finding. Immutable; <see cref="Code"/> is stable forever (codes are never reused):
/// MS0xxx input, MS1xxx syntax, MS2xxx names and types, MS3xxx experiment design.
/// <see cref="Path"/> names the file the span refers to ("" for the document being analysed).
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    TextSpan Span,
    string Message,
    string Path = "",
    CodeFix? Fix = null)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() => $"{Code} {Severity.ToString().ToLowerInvariant()} {Span}: {Message}";
}
