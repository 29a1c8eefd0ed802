using MesaSpec.Language.Text;

namespace MesaSpec.LanguageServer.Workspace;

/// <summary>One version of a document the client has open. Immutable: a change makes a new one.</summary>
public sealed record OpenDocument(string Uri, string Path, int Version, SourceText Text);
