using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Binding;

/// <summary>All symbols of a compilation and every resolved reference to them.</summary>
public sealed class SymbolTable
{
    private readonly Dictionary<string, DeclarationSymbol> _declarations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemKindSymbol> _itemKinds = new(StringComparer.Ordinal);
    private readonly List<SymbolReference> _references = [];
    private readonly HashSet<(string Path, TextSpan Span)> _referenced = [];

    public IReadOnlyCollection<DeclarationSymbol> Declarations => _declarations.Values;

    public IReadOnlyDictionary<string, ItemKindSymbol> ItemKinds => _itemKinds;

    public IReadOnlyList<SymbolReference> References => _references;

    public DeclarationSymbol? Lookup(string name) => _declarations.GetValueOrDefault(name);

    public IEnumerable<DeclarationSymbol> OfKind(DeclarationKind kind) => _declarations.Values.Where(d => d.Kind == kind);

    internal bool TryDeclare(DeclarationSymbol symbol) => _declarations.TryAdd(symbol.Name, symbol);

    internal ItemKindSymbol ItemKind(string name)
    {
        if (!_itemKinds.TryGetValue(name, out var symbol))
        {
            symbol = new ItemKindSymbol(name);
            _itemKinds[name] = symbol;
        }
        return symbol;
    }

    /// <summary>Records a reference once, however many times instantiation walks over it.</summary>
    internal void AddReference(Symbol symbol, SyntaxTree tree, TextSpan span, bool isDeclaration = false)
    {
        if (_referenced.Add((tree.Text.Path, span)))
        {
            _references.Add(new SymbolReference(symbol, new SourceLocation(tree, span), isDeclaration));
        }
    }
}
