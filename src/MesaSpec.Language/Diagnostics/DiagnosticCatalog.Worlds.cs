using MesaSpec.Language.Text;

namespace MesaSpec.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static Diagnostic MovementTargetUnknown(TextSpan span, string movement, string target, IReadOnlyList<string> kinds, string? suggestion) =>
        Error(DiagnosticCodes.MovementTargetUnknown, span,
            $"'{movement}' moves relative to 'agent' or an item kind of its environment, and '{target}' is neither"
            + (kinds.Count == 0 ? "" : $" (item kinds: {string.Join(", ", kinds)})") + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
            suggestion is null ? null : Replace($"Change to '{suggestion}'", span, suggestion));

    public static Diagnostic ConditionNeverHeld(TextSpan span, string kind) =>
        Error(DiagnosticCodes.ConditionNeverHeld, span,
            $"items of kind '{kind}' are never held: only a key or a shield goes into the agent's inventory (give '{kind}' 'behaviour key' or 'behaviour shield', or name a kind that is)");

    public static Diagnostic ItemCannotMove(TextSpan span, string kind, string behaviour) =>
        Error(DiagnosticCodes.ItemCannotMove, span,
            $"item '{kind}' is a {behaviour}, which stays where it spawns; only a monster, a hazard or a static item moves");

    public static Diagnostic TooManyCountedRewards(TextSpan span, string objective, int limit) =>
        Error(DiagnosticCodes.TooManyCountedRewards, span,
            $"objective '{objective}' counts more than {limit} rewards ('at most'); an episode keeps at most {limit} counters per objective");

    public static Diagnostic RelativeRegionAsTarget(TextSpan span, string objective) =>
        Error(DiagnosticCodes.RelativeRegionAsTarget, span,
            $"objective '{objective}' uses 'near' in a target; 'near' is a spawn region (its cells are known only once its anchor is placed), so a reward or an end names the item kind itself instead (e.g. 'reaches dish')");

    public static Diagnostic PlacementCycle(TextSpan span, string environment, IReadOnlyList<string> cycle) =>
        Error(DiagnosticCodes.PlacementCycle, span,
            $"environment '{environment}' places {string.Join(" near ", cycle.Select(c => $"'{c}'"))}: each is placed relative to the next, so none can be placed first (give one of them a spawn region that is not 'near')");

    public static Diagnostic AnchorUnknown(TextSpan span, string environment, string anchor, IReadOnlyList<string> kinds, string? suggestion) =>
        Error(DiagnosticCodes.AnchorUnknown, span,
            $"'near' is measured from 'agent' or an item kind of environment '{environment}', and '{anchor}' is neither"
            + (kinds.Count == 0 ? "" : $" (item kinds: {string.Join(", ", kinds)})") + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
            suggestion is null ? null : Replace($"Change to '{suggestion}'", span, suggestion));

    public static Diagnostic NotAnAnchor(TextSpan span) =>
        Error(DiagnosticCodes.AnchorUnknown, span,
            "the first argument of 'near' names what the cells are near: 'agent' or an item kind (e.g. 'near(dish, 2)')");

    public static Diagnostic AfterKindNeverGoes(TextSpan span, string kind) =>
        Error(DiagnosticCodes.AfterKindNeverGoes, span,
            $"'after {kind}' counts once every '{kind}' has left the grid, but items of kind '{kind}' never do: they are static or hazards in every environment (make them collectable, keys, shields, chests or monsters, or name a kind that is)");

    public static Diagnostic StochasticMovementUnscorable(TextSpan span, string environment, string item, string movement) =>
        Error(DiagnosticCodes.StochasticMovementUnscorable, span,
            $"item '{item}' of environment '{environment}' moves at random ('{movement}'); scores are normalised by the exact planner's optimal return, and the planner enumerates deterministic moves only, so this environment cannot be evaluated or planned by a curriculum (train on it, and evaluate on environments whose items chase, flee or stay)");
}
