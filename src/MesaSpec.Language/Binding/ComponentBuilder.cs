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
        var bound = new List<(ArgumentSyntax Argument, string Parameter)>();
        var arguments = values.BindArguments(descriptor.Name, call.ArgumentList(),
            Schemas.GetValue(descriptor, d => d.Parameters.Select(p => (p.Name, (MesaType?)p.Type, p.Default, p.Min, p.Max, p.Choices)).ToList()), bound, call.Span);
        if (arguments is not null && !HaveEnoughItems(descriptor, arguments, bound, values))
        {
            return null;
        }
        return arguments is null ? null : new ComponentModel(descriptor.Name, arguments) { Descriptor = descriptor, Entry = catalog.EntryOf(descriptor) };
    }

    /// <summary>Lists at least as long as their parameter's <see cref="ComponentParameter.MinItems"/> (MS2017 at the list).</summary>
    private static bool HaveEnoughItems(ComponentDescriptor descriptor, Dictionary<string, Value> arguments, List<(ArgumentSyntax Argument, string Parameter)> bound, ValueEvaluator values)
    {
        var ok = true;
        foreach (var (argument, parameter) in bound)
        {
            if (descriptor.Find(parameter) is { MinItems: { } min } && arguments[parameter].AsList().Count < min)
            {
                values.Diagnostics.Report(Diagnostics.DiagnosticCatalog.ValueOutOfRange(argument.Value.Span, $"'{parameter}'",
                    $"a list of at least {min} items", arguments[parameter].ToString()));
                ok = false;
            }
        }
        return ok;
    }
}
