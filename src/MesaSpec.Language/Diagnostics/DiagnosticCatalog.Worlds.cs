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

    public static Diagnostic CellArgumentInvalid(TextSpan span, string movement, string cell, string problem) =>
        Error(DiagnosticCodes.CellArgumentInvalid, span, $"'{movement}' moves through {cell}, which {problem}");

    public static Diagnostic ItemCannotMove(TextSpan span, string kind, string behaviour) =>
        Error(DiagnosticCodes.ItemCannotMove, span,
            $"item '{kind}' is a {behaviour}, which stays where it spawns; only a monster, a hazard or a static item moves");

    public static Diagnostic TooManyCountedRewards(TextSpan span, string objective, int limit) =>
        Error(DiagnosticCodes.TooManyCountedRewards, span,
            $"objective '{objective}' counts more than {limit} rewards ('at most'); an episode keeps at most {limit} counters per objective");

    /// <param name="function">The relative region the target uses: <c>near</c> or <c>on</c>.</param>
    public static Diagnostic RelativeRegionAsTarget(TextSpan span, string objective, string function) =>
        Error(DiagnosticCodes.RelativeRegionAsTarget, span,
            $"objective '{objective}' uses '{function}' in a target; '{function}' is a spawn region (its cells are known only once its anchor is placed), so a reward or an end names the item kind itself instead (e.g. 'reaches dish')");

    /// <param name="cycle">The names around the cycle, the first repeated at the end.</param>
    /// <param name="links">The region word that places each name relative to the next (<c>near</c> or <c>on</c>), one fewer than the names.</param>
    public static Diagnostic PlacementCycle(TextSpan span, string environment, IReadOnlyList<string> cycle, IReadOnlyList<string> links) =>
        Error(DiagnosticCodes.PlacementCycle, span,
            $"environment '{environment}' places {string.Concat(cycle.Select((c, i) => (i == 0 ? "" : $" {links[i - 1]} ") + $"'{c}'"))}: each is placed relative to the next, so none can be placed first (give one of them a spawn region that is not {(links.Distinct().Count() == 1 ? $"'{links[0]}'" : "relative")})");

    /// <param name="function">The relative region: <c>near</c> (the agent or an item kind) or <c>on</c> (an item kind).</param>
    public static Diagnostic AnchorUnknown(TextSpan span, string function, string environment, string anchor, IReadOnlyList<string> kinds, string? suggestion) =>
        Error(DiagnosticCodes.AnchorUnknown, span,
            (function == Vocabulary.RegionWords.On
                ? $"'on' places on the items of a kind of environment '{environment}', and '{anchor}' is not one"
                : $"'near' is measured from 'agent' or an item kind of environment '{environment}', and '{anchor}' is neither")
            + (kinds.Count == 0 ? "" : $" (item kinds: {string.Join(", ", kinds)})") + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
            suggestion is null ? null : Replace($"Change to '{suggestion}'", span, suggestion));

    public static Diagnostic NotAnAnchor(TextSpan span, string function) =>
        Error(DiagnosticCodes.AnchorUnknown, span, function == Vocabulary.RegionWords.On
            ? "the argument of 'on' names the item kind to place on (e.g. 'on(dish)')"
            : "the first argument of 'near' names what the cells are near: 'agent' or an item kind (e.g. 'near(dish, 2)')");

    /// <summary>MS2038: <c>on(agent)</c>, or the agent placed <c>on</c> an item.</summary>
    /// <param name="agentPlaced">The agent's spawn region uses <c>on</c> (else an item is placed on the agent).</param>
    public static Diagnostic OnWithAgent(TextSpan span, string environment, bool agentPlaced) =>
        Error(DiagnosticCodes.OnWithAgent, span, agentPlaced
            ? $"environment '{environment}' places the agent 'on' an item; only items share a cell with one another (an agent starting on an item would not reach it until it left and came back), so spawn the agent 'near' it instead"
            : $"environment '{environment}' places an item 'on(agent)'; only items share a cell with one another (an item under the agent's start would not be reached until the agent left and came back), so use 'near(agent)' instead");

    /// <summary>MS2039: <c>on(...)</c> joined by <c>or</c> with a region of free cells.</summary>
    public static Diagnostic OnMixedWithFreeCells(TextSpan span, string kind) =>
        Error(DiagnosticCodes.OnMixedWithFreeCells, span,
            $"the spawn region of '{kind}' joins 'on(...)' with cells that hold no item; a region with 'on' places every item on another, so each part joined by 'or' is an 'on(...)' ('except' may remove any cells)");

    public static Diagnostic AfterKindNeverGoes(TextSpan span, string kind) =>
        Error(DiagnosticCodes.AfterKindNeverGoes, span,
            $"'after {kind}' counts once every '{kind}' has left the grid, but items of kind '{kind}' never do: they are static or hazards in every environment (make them collectable, keys, shields, chests or monsters, or name a kind that is)");

    public static Diagnostic StochasticMovementUnscorable(TextSpan span, string environment, string item, string movement) =>
        Error(DiagnosticCodes.StochasticMovementUnscorable, span,
            $"item '{item}' of environment '{environment}' moves at random ('{movement}'); scores are normalised by the exact planner's optimal return, and the planner enumerates deterministic moves only, so this environment cannot be evaluated or planned by a curriculum (train on it, and evaluate on environments whose items chase, flee or stay)");
}
