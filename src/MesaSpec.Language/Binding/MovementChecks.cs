using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Language.Binding;

/// <summary>
/// Checks of a moving item once its environment's items are known: what contact with it does must make sense for
/// something that moves (MS2032), the target its movement moves relative to must be the agent or one of the
/// environment's item kinds (MS2030), and the cells it names must be open cells of the grid (MS2044).
/// </summary>
internal static class MovementChecks
{
    public const string AgentWord = "agent";

    public static bool Check(ItemModel item, MovesPropertySyntax moves, ItemPropertySyntax? behaviour, IReadOnlyList<ItemModel> items,
        (int Width, int Height, LayoutWalls? Layout)? grid, FileDiagnostics file)
    {
        var ok = true;
        if (grid is { } known && item.Movement is { } moving)
        {
            ok &= CellArgumentChecks.Check(moving, moves.Movement, known.Width, known.Height, known.Layout, file);
        }
        if (!BehaviourWords.MovingWords.Contains(BehaviourWords.WordOf(item.Behaviour)))
        {
            file.Report(DiagnosticCatalog.ItemCannotMove(behaviour?.Span ?? moves.Span, item.Kind, BehaviourWords.WordOf(item.Behaviour)));
            ok = false;
        }
        if (item.Movement is { Descriptor.TargetParameter: { } parameter } movement && movement.Arguments.TryGetValue(parameter, out var value))
        {
            var kinds = items.Select(i => i.Kind).ToList();
            // A target, or a route of them (lead); the first that is neither the agent nor a kind is reported.
            var targets = value.Raw is IReadOnlyList<Value> list ? list.Select(v => v.AsString()).ToList() : [value.AsString()];
            if (targets.FirstOrDefault(t => t != AgentWord && !kinds.Contains(t)) is { } target)
            {
                var syntax = ArgumentOf(movement, moves.Movement, parameter);
                file.Report(DiagnosticCatalog.MovementTargetUnknown(syntax?.Value.Span ?? moves.Movement.Span, movement.Name, target,
                    kinds, NameSuggestions.Closest(target, kinds.Append(AgentWord))));
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>The argument of <paramref name="call"/> that gave <paramref name="parameter"/>, named or positional; null when it was left to its default.</summary>
    public static ArgumentSyntax? ArgumentOf(ComponentModel component, ExpressionSyntax call, string parameter)
    {
        var index = component.Descriptor?.Parameters.ToList().FindIndex(p => p.Name == parameter) ?? -1;
        var arguments = call.ArgumentList()?.Arguments ?? [];
        return arguments.FirstOrDefault(a => a.Name?.Text == parameter)
            ?? (index >= 0 && index < arguments.Length && arguments[index].Name is null ? arguments[index] : null);
    }
}
