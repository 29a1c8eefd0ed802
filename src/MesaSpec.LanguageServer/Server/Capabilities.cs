using MesaSpec.LanguageServer.Features.Commands;
using MesaSpec.LanguageServer.Features.SemanticTokens;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Server;

/// <summary>What <c>initialize</c> announces. Keep in step with the handlers in <see cref="MesaLanguageServer"/> and docs/language-server.md.</summary>
public static class Capabilities
{
    public static ServerCapabilities Create() => new()
    {
        TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: TextDocumentSyncKind.Incremental, Save: new SaveOptions(IncludeText: false)),
        HoverProvider = true,
        CompletionProvider = new CompletionOptions([" ", "(", ",", ":", "."]),
        SignatureHelpProvider = new SignatureHelpOptions(["(", ","], [" "]),
        DefinitionProvider = true,
        ReferencesProvider = true,
        RenameProvider = new RenameOptions(PrepareProvider: true),
        DocumentSymbolProvider = true,
        WorkspaceSymbolProvider = true,
        FoldingRangeProvider = true,
        SelectionRangeProvider = true,
        SemanticTokensProvider = new SemanticTokensOptions(new SemanticTokensLegend(SemanticTokensHandler.TokenTypes, SemanticTokensHandler.TokenModifiers), Range: true, Full: true),
        DocumentFormattingProvider = true,
        DocumentRangeFormattingProvider = true,
        InlayHintProvider = true,
        CodeActionProvider = new CodeActionOptions(["quickfix"]),
        CodeLensProvider = new CodeLensOptions(),
        ExecuteCommandProvider = new ExecuteCommandOptions(CommandNames.All),
        Workspace = new WorkspaceServerCapabilities(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: true)),
    };
}
