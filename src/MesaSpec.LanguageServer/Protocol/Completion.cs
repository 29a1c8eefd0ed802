namespace MesaSpec.LanguageServer.Protocol;

public sealed record CompletionContext(int TriggerKind, string? TriggerCharacter = null);

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position, CompletionContext? Context = null) : TextDocumentPositionParams(TextDocument, Position);

public sealed record CompletionItem(
    string Label,
    int Kind,
    string? Detail = null,
    MarkupContent? Documentation = null,
    string? InsertText = null,
    int? InsertTextFormat = null,
    string? SortText = null,
    string? FilterText = null);

public sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

public static class CompletionItemKind
{
    public const int Text = 1;
    public const int Method = 2;
    public const int Function = 3;
    public const int Field = 5;
    public const int Variable = 6;
    public const int Class = 7;
    public const int Interface = 8;
    public const int Module = 9;
    public const int Property = 10;
    public const int Value = 12;
    public const int Enum = 13;
    public const int Keyword = 14;
    public const int Snippet = 15;
    public const int EnumMember = 20;
    public const int Constant = 21;
    public const int Struct = 22;
    public const int Event = 23;
    public const int TypeParameter = 25;
}

public static class InsertTextFormat
{
    public const int PlainText = 1;
    public const int Snippet = 2;
}

public sealed record SignatureHelpParams(TextDocumentIdentifier TextDocument, Position Position) : TextDocumentPositionParams(TextDocument, Position);

public sealed record ParameterInformation(string Label, MarkupContent? Documentation = null);

public sealed record SignatureInformation(string Label, MarkupContent? Documentation, ParameterInformation[] Parameters, int? ActiveParameter = null);

public sealed record SignatureHelp(SignatureInformation[] Signatures, int ActiveSignature, int ActiveParameter);
