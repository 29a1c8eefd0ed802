using System.Collections.Concurrent;
using System.Collections.Immutable;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Text;
using MesaSpec.Workspaces.Plugins;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Workspace;

/// <summary>
/// The open documents and their analyses. Mutations (open/change/close) arrive one at a time, in order (the
/// JSON-RPC layer runs them on a non-concurrent context); reads come from any thread and see an immutable map.
/// </summary>
public sealed class ServerWorkspace
{
    private ImmutableDictionary<string, OpenDocument> _documents = ImmutableDictionary<string, OpenDocument>.Empty;
    private ImmutableDictionary<string, OpenDocument> _byPath = ImmutableDictionary<string, OpenDocument>.Empty;
    private readonly ConcurrentDictionary<string, DocumentAnalysis> _analyses = new();
    private int _compilations;

    public ServerWorkspace()
    {
        Resolver = new WorkspaceSourceResolver(Roots, path => _byPath.GetValueOrDefault(path));
    }

    /// <summary>Workspace folders, as full paths; set on initialize.</summary>
    public WorkspaceFolders Roots { get; } = new();

    public WorkspaceSourceResolver Resolver { get; }

    /// <summary>Descriptors only: the server never loads the Runtime, nor a plugin's implementation.</summary>
    private readonly WorkspaceComponents _components = new([typeof(BuiltinComponents).Assembly], implementations: false);

    /// <summary>Whether the client vouched for the workspace; plugins (code) load only then.</summary>
    public bool Trusted { get; set; }

    /// <summary>
    /// The components a document binds against: the built-ins and, in a trusted workspace, its plugins'
    /// descriptors. A plugin that failed is a diagnostic on the document itself (the manifest is not open).
    /// </summary>
    public WorkspaceCatalog ComponentsFor(string path)
    {
        var components = _components.For(path, Trusted);
        return components.Diagnostics.Count == 0 ? components : components with { Diagnostics = [.. components.Diagnostics.Select(d => d with { Path = path })] };
    }

    /// <summary>How many compilations ran (tests check that a burst of changes compiles only the last text).</summary>
    public int Compilations => Volatile.Read(ref _compilations);

    public IReadOnlyCollection<OpenDocument> Documents => _documents.Values.ToList();

    public OpenDocument? Find(string uri) => _documents.GetValueOrDefault(uri);

    public OpenDocument? FindByPath(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>The URI the client knows a file by: the open document's own URI, else a file URI.</summary>
    public string UriFor(string path) => FindByPath(path)?.Uri ?? DocumentUri.FromPath(path);

    /// <summary>Opens (or replaces) a document; returns the other open documents that import it and must be analysed again.</summary>
    public IReadOnlyList<string> Open(string uri, int version, string text)
    {
        var path = DocumentUri.ToPath(uri);
        return Store(new OpenDocument(uri, path, version, new SourceText(text, path)));
    }

    /// <summary>Applies changes in order; returns the dependents to re-analyse, or null for a document that is not open.</summary>
    public IReadOnlyList<string>? Change(string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        if (Find(uri) is not { } document)
        {
            return null;
        }
        return Store(document with { Version = version, Text = TextChanges.Apply(document.Text, changes) });
    }

    public IReadOnlyList<string> Close(string uri)
    {
        if (Find(uri) is not { } document)
        {
            return [];
        }
        _documents = _documents.Remove(uri);
        _byPath = _byPath.Remove(document.Path);
        _analyses.TryRemove(uri, out _);
        return InvalidateDependents(document.Path);
    }

    /// <summary>The analysis of the document's current version (and the current text of its open imports).</summary>
    public DocumentAnalysis? Analysis(string uri)
    {
        while (true)
        {
            if (Find(uri) is not { } document)
            {
                return null;
            }
            if (_analyses.TryGetValue(uri, out var existing) && ReferenceEquals(existing.Document, document) && ImportsAreCurrent(existing))
            {
                return existing;
            }
            var created = new DocumentAnalysis(document, Resolver, ComponentsFor, () => Interlocked.Increment(ref _compilations), existing);
            if (existing is null ? _analyses.TryAdd(uri, created) : _analyses.TryUpdate(uri, created, existing))
            {
                return created;
            }
        }
    }

    /// <summary>
    /// Whether the analysis is of the document's current version and read the current text of every open import.
    /// An import can change while a dependent compiles (after its invalidation, before its analysis is stored), and
    /// then nobody else would notice that the stored analysis read the older text.
    /// </summary>
    public bool IsCurrent(DocumentAnalysis analysis) => ReferenceEquals(Find(analysis.Uri), analysis.Document) && ImportsAreCurrent(analysis);

    private bool ImportsAreCurrent(DocumentAnalysis analysis) =>
        analysis.ImportedTexts.All(text => FindByPath(text.Path) is not { } open || ReferenceEquals(open.Text, text));

    /// <summary>Drops a document's analysis so the next request analyses it afresh (e.g. after the workspace folders changed).</summary>
    public void Invalidate(string uri) => _analyses.TryRemove(uri, out _);

    /// <summary>Open documents whose last analysis imported <paramref name="path"/>: they must be analysed again.</summary>
    public IReadOnlyList<string> DependentsOf(string path) =>
        [.. _analyses.Values.Where(a => a.ImportedPaths.Contains(path, StringComparer.Ordinal)).Select(a => a.Uri)];

    private IReadOnlyList<string> Store(OpenDocument document)
    {
        _documents = _documents.SetItem(document.Uri, document);
        _byPath = _byPath.SetItem(document.Path, document);
        return InvalidateDependents(document.Path);
    }

    private IReadOnlyList<string> InvalidateDependents(string path)
    {
        var dependents = DependentsOf(path).Where(uri => _documents.ContainsKey(uri)).ToList();
        foreach (var uri in dependents)
        {
            _analyses.TryRemove(uri, out _);
        }
        return dependents;
    }
}
