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
    };
}
