using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using MesaSpec.LanguageServer.Features.Shared;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.InlayHints;

/// <summary>
/// <c>textDocument/inlayHint</c>: the values a spec does not write but gets. Omitted component parameters
/// and their defaults (<c>ppo(steps: 1M</c> ⟨envs: 32, rollout: 128, …⟩<c>)</c>), the default arguments of a
/// parameterised environment used without them, names of positional arguments, and what an environment
/// inherits through <c>extends</c>.
/// </summary>
public static class InlayHintsHandler
{
    public const int MaxDefaultsShown = 3;

    public static InlayHint[] Hints(DocumentAnalysis analysis, Protocol.Range range)
    {
        var compilation = analysis.Compilation;
        var tree = compilation.MainTree;
        var text = tree.Text;
        var within = text.ToSpan(range);
        var hints = new List<(int Offset, InlayHint Hint)>();
        var symbolAt = compilation.Symbols.References.Where(r => r.Location.Tree == tree)
            .GroupBy(r => r.Location.Span.Start).ToDictionary(g => g.Key, g => g.First().Symbol);
        void Add(int offset, string label, int? kind, string? tooltip = null, bool left = false, bool right = false)
        {
            if (offset >= within.Start && offset <= within.End)
            {
                hints.Add((offset, new InlayHint(text.ToPosition(offset), label, kind, tooltip, left ? true : null, right ? true : null)));
            }
        }

        foreach (var node in tree.Root.DescendantsAndSelf())
        {
            switch (node)
            {
                case CallExpressionSyntax call when symbolAt.GetValueOrDefault(call.Name.Span.Start) is ComponentSymbol component:
                    var given = call.Arguments.Arguments.Select((a, i) => a.Name?.Text ?? (i < component.Descriptor.Parameters.Count ? component.Descriptor.Parameters[i].Name : "")).ToHashSet();
                    var omitted = component.Descriptor.Parameters.Where(p => !given.Contains(p.Name) && p.Default is not null).ToList();
                    if (omitted.Count > 0)
                    {
                        var shown = string.Join(", ", omitted.Take(MaxDefaultsShown).Select(p => $"{p.Name}: {SymbolDescriptions.Format(p.Default!.Value)}"));
                        var label = omitted.Count > MaxDefaultsShown ? shown + ", …" : shown;
                        Add(call.Arguments.Span.End - 1, label, InlayHintKind.Parameter,
                            "defaults: " + string.Join(", ", omitted.Select(p => $"{p.Name}: {SymbolDescriptions.Format(p.Default!.Value)}")), left: call.Arguments.Arguments.Length > 0);
                    }
                    break;
                case CallExpressionSyntax call when symbolAt.GetValueOrDefault(call.Name.Span.Start) is DeclarationSymbol declaration:
                    for (var i = 0; i < call.Arguments.Arguments.Length && i < declaration.Parameters.Count; i++)
                    {
                        if (call.Arguments.Arguments[i].Name is null)
                        {
                            Add(call.Arguments.Arguments[i].Span.Start, declaration.Parameters[i].Name + ":", InlayHintKind.Parameter, right: true);
                        }
                    }
                    break;
                case NameExpressionSyntax name when symbolAt.GetValueOrDefault(name.Span.Start) is DeclarationSymbol { Parameters.Count: > 0 } declaration
                    && declaration.Parameters.All(p => p.Syntax.Default is not null):
                    var defaults = string.Join(", ", declaration.Parameters.Select(p => $"{p.Name}: {p.Owner.Tree.Text.ToString(p.Syntax.Default!.Span)}"));
                    Add(name.Span.End, $"({defaults})", InlayHintKind.Parameter, "parameter defaults");
                    break;
            }
        }
        foreach (var declaration in tree.Root.Declarations.Where(d => d.Extends is not null))
        {
            if (compilation.Symbols.Lookup(declaration.Name.Text) is { Base: { } @base } symbol && symbol.Syntax == declaration)
            {
                var own = declaration.Members.Select(MemberKey).ToHashSet();
                var inherited = new List<string>();
                for (var ancestor = @base; ancestor is not null; ancestor = ancestor.Base)
                {
                    inherited.AddRange(ancestor.Syntax.Members.Where(m => m is not ErrorMemberSyntax).Select(MemberKey).Where(k => !own.Contains(k) && !inherited.Contains(k)));
                }
                if (inherited.Count > 0)
                {
                    Add(declaration.OpenBrace.End, $"inherits {string.Join(", ", inherited)} from {@base.Name}", InlayHintKind.Type, left: true);
                }
            }
        }
        return [.. hints.OrderBy(h => h.Offset).Select(h => h.Hint)];
    }

    private static string MemberKey(MemberSyntax member) => member is ItemMemberSyntax item ? $"item {item.Kind.Text}" : member.Keyword;
}
