using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Language.Binding;

/// <summary>
/// Checks of a moving item once its environment's items are known: what contact with it does must make sense for
/// something that moves (MS2032), and the target its movement moves relative to must be the agent or one of the
/// environment's item kinds (MS2030).
/// </summary>
internal static class MovementChecks
{
    public const string AgentWord = "agent";

    public static bool Check(ItemModel item, MovesPropertySyntax moves, ItemPropertySyntax? behaviour, IReadOnlyList<ItemModel> items, FileDiagnostics file)
    {
        var ok = true;
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
                var index = movement.Descriptor.Parameters.ToList().FindIndex(p => p.Name == parameter);
                var arguments = moves.Movement.ArgumentList()?.Arguments ?? [];
                var syntax = arguments.FirstOrDefault(a => a.Name?.Text == parameter)
                    ?? (index >= 0 && index < arguments.Length && arguments[index].Name is null ? arguments[index] : null);
                file.Report(DiagnosticCatalog.MovementTargetUnknown(syntax?.Value.Span ?? moves.Movement.Span, movement.Name, target,
                    kinds, NameSuggestions.Closest(target, kinds.Append(AgentWord))));
                ok = false;
            }
        }
        return ok;
    }
}
