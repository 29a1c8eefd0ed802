namespace MesaSpec.LanguageServer.Protocol;

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

/// <summary>One change: with a range it replaces that range (incremental sync); without, the whole text.</summary>
public sealed record TextDocumentContentChangeEvent(string Text, Range? Range = null);

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text = null);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record LspDiagnostic(
    Range Range,
    int Severity,
    string Code,
    string Source,
    string Message,
    object? Data = null,
    CodeDescription? CodeDescription = null);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, LspDiagnostic[] Diagnostics);

public static class LspDiagnosticSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
    public const int Hint = 4;
}

public static class TextDocumentSyncKind
{
    public const int Full = 1;
    public const int Incremental = 2;
}
