using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;

namespace MesaSpec.LanguageServer.Workspace;

/// <summary>
/// The semantic model of one document version, computed at most once and only when someone asks (a burst of
/// changes creates analyses that are never forced). Immutable, so requests read it concurrently.
/// </summary>
public sealed class DocumentAnalysis
{
    private readonly Lazy<Compilation> _compilation;

    public DocumentAnalysis(OpenDocument document, ISourceResolver resolver, Action? onCompile = null)
    {
        Document = document;
        _compilation = new Lazy<Compilation>(() =>
        {
            onCompile?.Invoke();
            return Compilation.Create(SyntaxTree.Parse(document.Text), new CompilationOptions(Resolver: resolver));
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public OpenDocument Document { get; }

    public SourceText Text => Document.Text;

    public string Uri => Document.Uri;

    public Compilation Compilation => _compilation.Value;

    public SyntaxTree Tree => Compilation.MainTree;

    public bool IsCompiled => _compilation.IsValueCreated;

    /// <summary>Paths of the imported files this version read (known once compiled).</summary>
    public IEnumerable<string> ImportedPaths => IsCompiled ? Compilation.Trees.Skip(1).Select(t => t.Text.Path) : [];
}
