using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>Binds a component call (<c>ppo(steps: 1M)</c> or a bare <c>maze</c>) against its catalogue schema.</summary>
internal static class ComponentBuilder
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ComponentDescriptor, List<(string, MesaType?, Value?, double?, double?, IReadOnlyList<string>?)>> Schemas = [];

    public static ComponentModel? Build(ExpressionSyntax call, ComponentKind kind, ComponentCatalog catalog, ValueEvaluator values)
    {
        // Unknown names were reported by the binder's static pass; here we only skip them.
        if (call.ReferencedName() is not { } name || catalog.Find(kind, name.Text) is not { } descriptor)
        {
            return null;
        }
        var arguments = values.BindArguments(descriptor.Name, call.ArgumentList(),
            Schemas.GetValue(descriptor, d => d.Parameters.Select(p => (p.Name, (MesaType?)p.Type, p.Default, p.Min, p.Max, p.Choices)).ToList()), missingAt: call.Span);
        return arguments is null ? null : new ComponentModel(descriptor.Name, arguments) { Descriptor = descriptor, Entry = catalog.EntryOf(descriptor) };
    }
}
