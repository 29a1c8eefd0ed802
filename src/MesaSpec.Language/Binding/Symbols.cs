using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Binding;

/// <summary>Something a name can refer to. Identity is reference identity: one symbol per declaration.</summary>
public abstract class Symbol(string name)
{
    public string Name { get; } = name;

    /// <summary>"environment", "objective", "experiment", "parameter", "item kind", "component".</summary>
    public abstract string KindName { get; }

    public override string ToString() => $"{KindName} {Name}";
}

/// <summary>A place in a file: the tree and a span within it.</summary>
public readonly record struct SourceLocation(SyntaxTree Tree, TextSpan Span)
{
    public string Path => Tree.Text.Path;

    public override string ToString() => $"{Path}:{Tree.Text.GetPosition(Span.Start)}";
}

/// <summary>An environment, objective or experiment declaration.</summary>
public sealed class DeclarationSymbol(DeclarationSyntax syntax, SyntaxTree tree) : Symbol(syntax.Name.Text)
{
    public DeclarationSyntax Syntax { get; } = syntax;

    public SyntaxTree Tree { get; } = tree;

    public DeclarationKind Kind => Syntax.Kind;

    public override string KindName => Syntax.KindText();

    public SourceLocation Location => new(Tree, Syntax.Name.Span);

    /// <summary>Declared parameters, plus (for environments) those inherited from the base and not bound by it.</summary>
    public List<ParameterSymbol> Parameters { get; } = [];

    /// <summary>The environment this one extends, when it resolved.</summary>
    public DeclarationSymbol? Base { get; internal set; }
}

/// <summary>A parameter of a declaration; <see cref="Owner"/> is where it is declared (maybe a base environment).</summary>
public sealed class ParameterSymbol(ParameterSyntax syntax, DeclarationSymbol owner, MesaType? type) : Symbol(syntax.Name.Text)
{
    public ParameterSyntax Syntax { get; } = syntax;

    public DeclarationSymbol Owner { get; } = owner;

    /// <summary>Null when the declared type is unknown (already reported).</summary>
    public MesaType? Type { get; } = type;

    public override string KindName => "parameter";

    public SourceLocation Location => new(Owner.Tree, Syntax.Name.Span);
}

/// <summary>An item kind, shared by name across every environment that declares it (so <c>cheese</c> is one kind).</summary>
public sealed class ItemKindSymbol(string name) : Symbol(name)
{
    public override string KindName => "item kind";

    public List<SourceLocation> Declarations { get; } = [];
}

/// <summary>A catalogue component referenced by a call such as <c>ppo(...)</c>.</summary>
public sealed class ComponentSymbol(ComponentDescriptor descriptor) : Symbol(descriptor.Name)
{
    public ComponentDescriptor Descriptor { get; } = descriptor;

    public override string KindName => Descriptor.Kind.ToString().ToLowerInvariant() + " component";
}

/// <summary>A name in the text resolved to a symbol. <see cref="IsDeclaration"/> marks the defining occurrence.</summary>
public sealed record SymbolReference(Symbol Symbol, SourceLocation Location, bool IsDeclaration);

internal static class DeclarationKindText
{
    public static string KindText(this DeclarationSyntax syntax) => syntax.Kind switch
    {
        DeclarationKind.Environment => "environment",
        DeclarationKind.Objective => "objective",
        DeclarationKind.Task => "task",
        _ => "experiment",
    };
}
