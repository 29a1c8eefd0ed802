using System.Text.Json;

namespace MesaSpec.LanguageServer.Protocol;

public sealed record CodeActionContext(LspDiagnostic[]? Diagnostics = null, string[]? Only = null);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context = null);

public sealed record CodeAction(string Title, string Kind, LspDiagnostic[]? Diagnostics = null, WorkspaceEdit? Edit = null, bool? IsPreferred = null);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLens(Range Range, Command? Command = null);

public sealed record ExecuteCommandParams(string Command, JsonElement[]? Arguments = null);

public sealed record WorkDoneProgressCreateParams(string Token);

public sealed record WorkDoneProgressCancelParams(string Token);

public sealed record ProgressParams(string Token, object Value);

public sealed record WorkDoneProgressBegin(string Title, bool Cancellable, string? Message, int? Percentage)
{
    public string Kind => "begin";
}

public sealed record WorkDoneProgressReport(string? Message, int? Percentage, bool Cancellable = true)
{
    public string Kind => "report";
}

public sealed record WorkDoneProgressEnd(string? Message)
{
    public string Kind => "end";
}

public sealed record ConfigurationItem(string? ScopeUri, string Section);

public sealed record ConfigurationParams(ConfigurationItem[] Items);

public sealed record DidChangeConfigurationParams(JsonElement? Settings = null);
