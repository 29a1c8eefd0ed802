using System.Text.Json;

namespace MesaSpec.LanguageServer.Protocol;

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record WorkspaceFoldersChangeEvent(WorkspaceFolder[] Added, WorkspaceFolder[] Removed);

public sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);

public sealed record WorkspaceFoldersServerCapabilities(bool Supported, bool ChangeNotifications);

public sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities WorkspaceFolders);

public sealed record InitializeParams(
    int? ProcessId = null,
    string? RootUri = null,
    string? RootPath = null,
    WorkspaceFolder[]? WorkspaceFolders = null,
    JsonElement? InitializationOptions = null,
    JsonElement? Capabilities = null);

public sealed record ServerInfo(string Name, string Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);

public sealed record SaveOptions(bool IncludeText);

public sealed record CompletionOptions(string[] TriggerCharacters, bool ResolveProvider = false);

public sealed record SignatureHelpOptions(string[] TriggerCharacters, string[] RetriggerCharacters);

public sealed record RenameOptions(bool PrepareProvider);

public sealed record CodeLensOptions(bool ResolveProvider = false);

public sealed record ExecuteCommandOptions(string[] Commands);

public sealed record CodeActionOptions(string[] CodeActionKinds);

public sealed record SemanticTokensLegend(string[] TokenTypes, string[] TokenModifiers);

public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Range, bool Full);

/// <summary>Everything this server offers; every field is standard LSP so any client can use it.</summary>
public sealed record ServerCapabilities
{
    public TextDocumentSyncOptions? TextDocumentSync { get; init; }
    public bool? HoverProvider { get; init; }
    public CompletionOptions? CompletionProvider { get; init; }
    public SignatureHelpOptions? SignatureHelpProvider { get; init; }
    public bool? DefinitionProvider { get; init; }
    public bool? ReferencesProvider { get; init; }
    public RenameOptions? RenameProvider { get; init; }
    public bool? DocumentSymbolProvider { get; init; }
    public bool? WorkspaceSymbolProvider { get; init; }
    public bool? FoldingRangeProvider { get; init; }
    public bool? SelectionRangeProvider { get; init; }
    public SemanticTokensOptions? SemanticTokensProvider { get; init; }
    public bool? DocumentFormattingProvider { get; init; }
    public bool? DocumentRangeFormattingProvider { get; init; }
    public bool? InlayHintProvider { get; init; }
    public CodeActionOptions? CodeActionProvider { get; init; }
    public CodeLensOptions? CodeLensProvider { get; init; }
    public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }
    public WorkspaceServerCapabilities? Workspace { get; init; }
}

public sealed record LogMessageParams(int Type, string Message);

public sealed record ShowMessageParams(int Type, string Message);

public static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
}
