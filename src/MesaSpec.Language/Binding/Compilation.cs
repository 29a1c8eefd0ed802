using System.Collections.Immutable;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>What a host plugs into a compilation.</summary>
public sealed record CompilationOptions(
    ComponentCatalog? Catalog = null,
    ISourceResolver? Resolver = null,
    IReadOnlyList<IExperimentAnalyzer>? Analyzers = null,
    IReadOnlyList<Diagnostic>? HostDiagnostics = null)
{
    // HostDiagnostics: what the host found while setting the compilation up (a workspace plugin that failed to
    // load), reported with the compilation's own so every front end shows them without code of its own.

    public static CompilationOptions Default { get; } = new();
}

/// <summary>
/// The semantic model of one spec and the files it imports: symbols, references, diagnostics of
/// every phase, and the instantiated plan of each experiment. Immutable once created; the language
/// server builds a new one per document version and answers every request from it.
/// </summary>
public sealed class Compilation
{
    private Compilation(SyntaxTree main, IReadOnlyList<SyntaxTree> trees, ComponentCatalog catalog)
    {
        MainTree = main;
        Trees = trees;
        Catalog = catalog;
    }

    public SyntaxTree MainTree { get; }

    /// <summary>The main tree first, then every imported tree.</summary>
    public IReadOnlyList<SyntaxTree> Trees { get; }

    public ComponentCatalog Catalog { get; }

    public SymbolTable Symbols { get; } = new();

    public ImmutableArray<Diagnostic> Diagnostics { get; private set; } = [];

    public IReadOnlyList<ExperimentPlan> Plans { get; private set; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public static Compilation Create(string text, string path = "main.mesa", CompilationOptions? options = null) =>
        Create(SyntaxTree.Parse(text, path), options);

    public static Compilation Create(SyntaxTree main, CompilationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= CompilationOptions.Default;
        var catalog = options.Catalog ?? ComponentCatalog.Default;
        var sink = new DiagnosticSink();
        var trees = ImportLoader.Load(main, options.Resolver, sink);
        var compilation = new Compilation(main, trees, catalog);
        compilation.Bind(sink, options, cancellationToken);
        return compilation;
    }

    private void Bind(DiagnosticSink sink, CompilationOptions options, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in options.HostDiagnostics ?? [])
        {
            sink.Add(diagnostic);
        }
        foreach (var tree in Trees)
        {
            foreach (var diagnostic in tree.Diagnostics)
            {
                sink.Add(diagnostic);
            }
        }
        new DeclarationBinder(Symbols, sink, Catalog).Bind(Trees);
        cancellationToken.ThrowIfCancellationRequested();

        var environments = new EnvironmentBuilder(sink, Catalog);
        var experiments = new ExperimentBuilder(Symbols, sink, Catalog, environments);
        var treeOrder = new Dictionary<SyntaxTree, int>(ReferenceEqualityComparer.Instance);
        foreach (var tree in Trees)
        {
            treeOrder.TryAdd(tree, treeOrder.Count);
        }
        var plans = Symbols.OfKind(DeclarationKind.Experiment)
            .OrderBy(e => treeOrder.GetValueOrDefault(e.Tree, -1)).ThenBy(e => e.Syntax.Span.Start)
            .Select(experiments.Plan)
            .ToList();
        Plans = plans;
        CheckUnusedEnvironmentsInstantiate(environments);
        // Design checks and analyzers reason about what the specs say; after a syntax error part of that is
        // unknown (a skipped item line would make its target "never spawn"), so they wait for clean syntax.
        var syntaxClean = !Trees.Any(t => t.Diagnostics.Any(d => d.IsError));
        foreach (var plan in plans.Where(p => p.IsRunnable && syntaxClean))
        {
            DesignChecks.Check(plan, Symbols, Catalog, sink);
            foreach (var analyzer in options.Analyzers ?? [])
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var diagnostic in analyzer.Analyze(plan, cancellationToken))
                {
                    sink.Add(plan.Experiment.Tree, diagnostic);
                }
            }
        }
        ReportUnused(sink);
        Diagnostics = [.. sink.Diagnostics
            .OrderBy(d => d.Path == MainTree.Text.Path ? 0 : 1)
            .ThenBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Start)];
    }

    /// <summary>Environments are checked at their defaults even when no experiment uses them.</summary>
    private void CheckUnusedEnvironmentsInstantiate(EnvironmentBuilder builder)
    {
        foreach (var environment in Symbols.OfKind(DeclarationKind.Environment))
        {
            if (environment.Parameters.All(p => p.Syntax.Default is not null))
            {
                builder.Build(environment, new Dictionary<string, Value>(), environment.Name);
            }
        }
    }

    private void ReportUnused(DiagnosticSink sink)
    {
        var used = Symbols.References.Where(r => !r.IsDeclaration).Select(r => r.Symbol).ToHashSet();
        foreach (var declaration in Symbols.Declarations.Where(d => d.Tree == MainTree && d.Kind != DeclarationKind.Experiment && !used.Contains(d)))
        {
            sink.Add(MainTree, DiagnosticCatalog.UnusedDeclaration(declaration.Syntax.Name.Span, declaration.KindName, declaration.Name));
        }
    }

    public IEnumerable<Diagnostic> DiagnosticsFor(string path) => Diagnostics.Where(d => d.Path == path);

    public SyntaxTree? TreeFor(string path) => Trees.FirstOrDefault(t => t.Text.Path == path);

    /// <summary>The reference (or declaration) whose name touches <paramref name="offset"/> in <paramref name="tree"/>.</summary>
    public SymbolReference? ReferenceAt(SyntaxTree tree, int offset) =>
        Symbols.References.FirstOrDefault(r => r.Location.Tree == tree && r.Location.Span.Touches(offset));

    /// <summary>Every occurrence of <paramref name="symbol"/>, its declaration(s) included.</summary>
    public IEnumerable<SymbolReference> ReferencesTo(Symbol symbol) =>
        Symbols.References.Where(r => ReferenceEquals(r.Symbol, symbol)
            || (r.Symbol is ComponentSymbol a && symbol is ComponentSymbol b && a.Descriptor == b.Descriptor));

    public ExperimentPlan? PlanFor(string experiment) => Plans.FirstOrDefault(p => p.Name == experiment);

    /// <summary>An environment at its parameter defaults, for previews; null when it has errors or required parameters.</summary>
    public EnvironmentModel? InstantiateEnvironment(DeclarationSymbol environment) =>
        environment.Kind == DeclarationKind.Environment && environment.Parameters.All(p => p.Syntax.Default is not null)
            ? new EnvironmentBuilder(new DiagnosticSink(), Catalog).Build(environment, new Dictionary<string, Value>(), environment.Name)
            : null;

    /// <summary>An objective at its parameter defaults, for previews and the identifiability analysis.</summary>
    public ObjectiveModel? InstantiateObjective(DeclarationSymbol objective) =>
        objective.Kind == DeclarationKind.Objective ? ObjectiveBuilder.Build(objective, new DiagnosticSink()) : null;
}
