namespace MesaSpec.LanguageServer.Protocol;

public sealed record HoverParams(TextDocumentIdentifier TextDocument, Position Position) : TextDocumentPositionParams(TextDocument, Position);

public sealed record Hover(MarkupContent Contents, Range? Range = null);
