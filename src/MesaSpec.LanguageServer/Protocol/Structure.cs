namespace MesaSpec.LanguageServer.Protocol;

public sealed record FoldingRangeParams(TextDocumentIdentifier TextDocument);

public sealed record FoldingRange(int StartLine, int EndLine, string? Kind = null);

public sealed record SelectionRangeParams(TextDocumentIdentifier TextDocument, Position[] Positions);

public sealed record SelectionRange(Range Range, SelectionRange? Parent = null);

public sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);

public sealed record SemanticTokensRangeParams(TextDocumentIdentifier TextDocument, Range Range);

public sealed record SemanticTokens(int[] Data);

public sealed record FormattingOptions(int TabSize, bool InsertSpaces);

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions? Options = null);

public sealed record DocumentRangeFormattingParams(TextDocumentIdentifier TextDocument, Range Range, FormattingOptions? Options = null);

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

public sealed record InlayHint(Position Position, string Label, int? Kind = null, string? Tooltip = null, bool? PaddingLeft = null, bool? PaddingRight = null);

public static class InlayHintKind
{
    public const int Type = 1;
    public const int Parameter = 2;
}
