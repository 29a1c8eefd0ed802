using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using MesaSpec.Workspaces.Plugins;

namespace MesaSpec.LanguageServer.Workspace;

/// <summary>
/// The semantic model of one document version, computed at most once and only when someone asks (a burst of
/// changes creates analyses that are never forced). Immutable, so requests read it concurrently.
/// </summary>
public sealed class DocumentAnalysis
{
    private readonly Lazy<Compilation> _compilation;

    private DocumentAnalysis? _previous;

    public DocumentAnalysis(OpenDocument document, ISourceResolver resolver, Func<string, WorkspaceCatalog> components, Action? onCompile = null, DocumentAnalysis? previous = null)
    {
        Document = document;
        _previous = previous is { IsCompiled: true } ? previous : previous?._previous;
        _compilation = new Lazy<Compilation>(() =>
        {
            onCompile?.Invoke();
            var catalog = components(document.Path);
            var compilation = Compilation.Create(SyntaxTree.Parse(document.Text),
                new CompilationOptions(Catalog: catalog.Catalog, Resolver: resolver, HostDiagnostics: catalog.Diagnostics));
            _previous = null; // Compiled: the older version is no longer needed (and must not be kept alive).
            return compilation;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// This version's compilation when it is ready, else the last compiled version's (stale: its spans refer to
    /// older text), else this version's, computed now. For features that need names, not positions (completion).
    /// </summary>
    public Compilation LatestCompiled => IsCompiled ? Compilation : _previous?.Compilation ?? Compilation;

    public OpenDocument Document { get; }

    public SourceText Text => Document.Text;

    public string Uri => Document.Uri;

    public Compilation Compilation => _compilation.Value;

    public SyntaxTree Tree => Compilation.MainTree;

    public bool IsCompiled => _compilation.IsValueCreated;

    /// <summary>Paths of the imported files this version read (known once compiled).</summary>
    public IEnumerable<string> ImportedPaths => IsCompiled ? Compilation.Trees.Skip(1).Select(t => t.Text.Path) : [];

    /// <summary>The texts of the imported files this version read (known once compiled), to tell whether they are still current.</summary>
    public IEnumerable<SourceText> ImportedTexts => IsCompiled ? Compilation.Trees.Skip(1).Select(t => t.Text) : [];
}
