namespace MesaSpec.Language.Model;

/// <summary>Events the dynamics report each step; objectives reward and terminate on them.</summary>
public enum EventKind
{
    /// <summary>The agent entered a cell of the target (an item's cell or a region's cell).</summary>
    Reaches,
    /// <summary>The agent picked up a collectable or key of the target.</summary>
    Collects,
    /// <summary>The agent opened a chest of the target.</summary>
    Opens,
    /// <summary>The agent touched a hazard of the target.</summary>
    Touches,
    /// <summary>Every step (the target is null).</summary>
    EachStep,
}

/// <summary>What an event is about.</summary>
public abstract record TargetModel;

/// <summary>Items of one kind, e.g. <c>cheese</c>.</summary>
public sealed record KindTarget(string Kind) : TargetModel;

/// <summary>Items matching every given attribute, e.g. <c>item(colour: red)</c>. Null means "any".</summary>
public sealed record AttributeTarget(string? Kind, string? Colour, string? Shape) : TargetModel;

/// <summary>Cells of a region (only meaningful with <see cref="EventKind.Reaches"/>).</summary>
public sealed record RegionTarget(RegionModel Region) : TargetModel;

/// <summary>
/// <c>if agent holds shield</c> (<see cref="Holds"/> true) or <c>unless agent holds shield</c>: a term counts only when
/// the agent's inventory has (or has not) an item of <see cref="Kind"/>, read at the moment of the event, before the
/// step's contacts use a shield up.
/// </summary>
public sealed record HoldCondition(bool Holds, string Kind);

/// <summary>
/// <c>reward +1 when agent collects apple</c>; with a <see cref="Condition"/> it counts only while the condition holds, and
/// with <see cref="AtMost"/> it pays at most that many times per episode (the objective then has memory: a counter).
/// </summary>
public sealed record RewardTerm(double Amount, EventKind Event, TargetModel? Target)
{
    public HoldCondition? Condition { get; init; }

    /// <summary><c>after apple</c>: the term counts only once no item of this kind is left on the grid (all collected before this step).</summary>
    public string? After { get; init; }

    public int? AtMost { get; init; }

    /// <summary>The largest <see cref="AtMost"/> (a counter is one byte of the episode's state).</summary>
    public const int MaxCount = 255;
}

public sealed record EndCondition(EventKind Event, TargetModel Target)
{
    public HoldCondition? Condition { get; init; }

    /// <summary>As <see cref="RewardTerm.After"/>.</summary>
    public string? After { get; init; }
}

/// <summary>A base or mesa objective: rewards on events and the events that end the episode.</summary>
public sealed record ObjectiveModel(string Name, IReadOnlyList<RewardTerm> Rewards, IReadOnlyList<EndCondition> Ends)
{
    /// <summary>Rewards with <c>at most</c> an objective may have: their counters fill one 64-bit word of the episode's state.</summary>
    public const int MaxCountedTerms = 8;

    /// <summary>Whether the objective remembers something within an episode (a counted reward).</summary>
    public bool HasCounters => Rewards.Any(r => r.AtMost is not null);

    /// <summary>
    /// What the objective is about (probe features read its cells): the target of its first ending event, else
    /// of its largest positive reward; null for an objective of step rewards only.
    /// </summary>
    public TargetModel? GoalTarget =>
        Ends.FirstOrDefault(e => e.Event != EventKind.EachStep)?.Target
        ?? Rewards.Where(r => r.Target is not null && r.Amount > 0).MaxBy(r => r.Amount)?.Target;
}
