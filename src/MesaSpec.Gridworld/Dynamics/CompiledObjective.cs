using System.Runtime.CompilerServices;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Dynamics;

/// <summary>
/// An objective turned into lookup tables for one environment: the reward terms and end conditions that fire per item
/// kind and event, and per cell for region targets, so scoring a step is a few array reads. Several terms on the same
/// event add up. A region target counts only with Reaches.
/// A term with a hold condition (<c>unless agent holds shield</c>) reads the inventory at the moment of its event: the
/// agent's move (every item on the cell it entered, when items share it) and each-step terms see it before the move, an entity's contact sees it after the move and after the
/// contacts before it used their shields. A term with <c>at most N</c> keeps a counter in the episode's counter word
/// (8 bits per counted term, in term order), which the caller carries from step to step and clears at each episode's start.
/// A term with an order (<c>after apple</c>) counts only when no item of that kind was on the grid before the step, so it
/// needs no memory of its own: which items are left is already the episode's (and the planner's) state.
/// </summary>
public sealed class CompiledObjective
{
    /// <summary>Bits of the counter word per counted term.</summary>
    public const int CounterBits = 8;

    private static readonly int[] None = [];

    private readonly Term[] terms;
    private readonly int[][] kindTerms;   // [kind * 4 + event] -> reward term indices
    private readonly int[][] kindEnds;    // [kind * 4 + event] -> end indices
    private readonly int[][] cellTerms;
    private readonly int[][] cellEnds;
    private readonly int[] stepTerms;
    private readonly int[] stepEnds;
    private readonly Term[] ends;
    private readonly ItemKinds items;

    /// <param name="AfterItems">The items that must all be gone before the step (<c>after apple</c>); 0 for no order.</param>
    private readonly record struct Term(double Amount, bool Conditional, bool Holds, ulong HeldItems, int Limit, int Shift, ulong AfterItems)
    {
        public bool Counted => Limit > 0;
    }

    public CompiledObjective(EnvironmentModel environment, ItemKinds items, ObjectiveModel objective)
    {
        Objective = objective;
        this.items = items;
        var kindCount = environment.Items.Count;
        var cells = environment.Width * environment.Height;
        var kindTermLists = Lists(kindCount * 4);
        var kindEndLists = Lists(kindCount * 4);
        var cellTermLists = Lists(cells);
        var cellEndLists = Lists(cells);
        var stepTermList = new List<int>();
        var stepEndList = new List<int>();
        var counted = 0;
        terms = new Term[objective.Rewards.Count];
        for (var t = 0; t < objective.Rewards.Count; t++)
        {
            var reward = objective.Rewards[t];
            var limit = reward.AtMost ?? 0;
            if (limit > 0 && ++counted * CounterBits > 64)
            {
                throw new ArgumentException($"objective '{objective.Name}' counts more than {64 / CounterBits} rewards", nameof(objective));
            }
            terms[t] = Compile(reward.Amount, reward.Condition, reward.After, limit, limit > 0 ? (counted - 1) * CounterBits : 0);
            Place(environment, reward.Event, reward.Target, t, kindTermLists, cellTermLists, stepTermList);
        }
        CounterWordBits = counted * CounterBits;
        ends = new Term[objective.Ends.Count];
        for (var e = 0; e < objective.Ends.Count; e++)
        {
            var end = objective.Ends[e];
            ends[e] = Compile(0, end.Condition, end.After, 0, 0);
            Place(environment, end.Event, end.Target, e, kindEndLists, cellEndLists, stepEndList);
        }
        kindTerms = Arrays(kindTermLists);
        kindEnds = Arrays(kindEndLists);
        cellTerms = Arrays(cellTermLists);
        cellEnds = Arrays(cellEndLists);
        stepTerms = [.. stepTermList];
        stepEnds = [.. stepEndList];
        StepReward = objective.Rewards.Where(r => r.Event == EventKind.EachStep && r.Condition is null && r.After is null && r.AtMost is null).Sum(r => r.Amount);
    }

    public ObjectiveModel Objective { get; }

    public string Name => Objective.Name;

    /// <summary>The reward every step pays whatever happens (unconditional, uncounted each-step terms).</summary>
    public double StepReward { get; }

    /// <summary>How many low bits of the counter word this objective uses (0 without <c>at most</c>).</summary>
    public int CounterWordBits { get; }

    public bool HasCounters => CounterWordBits > 0;

    /// <summary>The reward of one step of an objective without counters, and whether one of its end conditions fired.</summary>
    public double Score(in StepOutcome outcome, out bool ends)
    {
        if (HasCounters)
        {
            throw new InvalidOperationException($"objective '{Name}' counts its rewards: score it with the episode's counter word");
        }
        ulong counters = 0;
        return Score(outcome, ref counters, out ends);
    }

    /// <summary>
    /// The reward of one step's events, and whether one of the objective's end conditions fired; <paramref name="counters"/>
    /// is the episode's counter word (0 at its start), advanced by the counted terms that paid.
    /// </summary>
    public double Score(in StepOutcome outcome, ref ulong counters, out bool ends)
    {
        double reward = 0;
        ends = false;
        var held = outcome.HeldBefore;
        var alive = outcome.AliveBefore;
        Fire(stepTerms, stepEnds, held, alive, ref counters, ref reward, ref ends);
        if (outcome.Cell >= 0)
        {
            Fire(cellTerms[outcome.Cell], cellEnds[outcome.Cell], held, alive, ref counters, ref reward, ref ends);
            // Every item on the cell, in the order the rules resolved them; all are the agent's move, so all read the
            // inventory from before it.
            for (var remaining = outcome.Reached; remaining != 0; remaining &= remaining - 1)
            {
                var item = System.Numerics.BitOperations.TrailingZeroCount(remaining);
                var slot = items.KindOfItem[item] * 4;
                Fire(kindTerms[slot], kindEnds[slot], held, alive, ref counters, ref reward, ref ends);
                var effect = outcome.EffectOn(item);
                if (effect != ItemEffect.None)
                {
                    var e = slot + (int)effect; // Collected = 1, Opened = 2, Touched = 3
                    Fire(kindTerms[e], kindEnds[e], held, alive, ref counters, ref reward, ref ends);
                }
            }
        }
        if (outcome.Contacts != 0)
        {
            // Contacts in the order the rules resolved them, each seeing the shields the earlier ones left.
            held = outcome.HeldAfterMove;
            Contacts(outcome.Entered, outcome, ref held, ref counters, ref reward, ref ends);
            Contacts(outcome.Contacts & ~outcome.Entered, outcome, ref held, ref counters, ref reward, ref ends);
        }
        return reward;
    }

    private void Contacts(ulong group, in StepOutcome outcome, ref ulong held, ref ulong counters, ref double reward, ref bool ends)
    {
        for (var remaining = group; remaining != 0; remaining &= remaining - 1)
        {
            var item = System.Numerics.BitOperations.TrailingZeroCount(remaining);
            var slot = items.KindOfItem[item] * 4;
            Fire(kindTerms[slot], kindEnds[slot], held, outcome.AliveBefore, ref counters, ref reward, ref ends);
            if (items.Behaviour[items.KindOfItem[item]] is ItemBehaviour.Monster or ItemBehaviour.Hazard)
            {
                var touched = slot + (int)ItemEffect.Touched;
                Fire(kindTerms[touched], kindEnds[touched], held, outcome.AliveBefore, ref counters, ref reward, ref ends);
            }
            if ((outcome.Absorbed & (1UL << item)) != 0)
            {
                GridRules.UseShield(ref held, items.ShieldMask);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Fire(int[] rewardTerms, int[] endTerms, ulong held, ulong alive, ref ulong counters, ref double reward, ref bool ended)
    {
        foreach (var t in rewardTerms)
        {
            var term = terms[t];
            if (!Applies(term, held, alive))
            {
                continue;
            }
            if (term.Counted)
            {
                var count = (int)((counters >> term.Shift) & 0xFF);
                if (count >= term.Limit)
                {
                    continue;
                }
                counters += 1UL << term.Shift;
            }
            reward += term.Amount;
        }
        foreach (var e in endTerms)
        {
            ended |= Applies(ends[e], held, alive);
        }
    }

    private static bool Applies(in Term term, ulong held, ulong alive) =>
        (!term.Conditional || ((held & term.HeldItems) != 0) == term.Holds) && (alive & term.AfterItems) == 0;

    private Term Compile(double amount, HoldCondition? condition, string? after, int limit, int shift) =>
        new(amount, condition is not null, condition?.Holds ?? false, ItemsOf(condition?.Kind), limit, shift, ItemsOf(after));

    /// <summary>The item bits of a kind (0 for none, or a kind this environment lacks: an order on it is then already met).</summary>
    private ulong ItemsOf(string? kind)
    {
        ulong mask = 0;
        for (var i = 0; kind is not null && i < items.ItemCount; i++)
        {
            if (string.Equals(items.Kinds[items.KindOfItem[i]].Kind, kind, StringComparison.Ordinal))
            {
                mask |= 1UL << i;
            }
        }
        return mask;
    }

    private static List<int>[] Lists(int n) => [.. Enumerable.Range(0, n).Select(_ => new List<int>())];

    private static int[][] Arrays(List<int>[] lists) => [.. lists.Select(l => l.Count == 0 ? None : l.ToArray())];

    private static void Place(EnvironmentModel environment, EventKind kind, TargetModel? target, int index, List<int>[] byKind, List<int>[] byCell, List<int> eachStep)
    {
        if (kind == EventKind.EachStep)
        {
            eachStep.Add(index);
            return;
        }
        var eventIndex = kind switch
        {
            EventKind.Reaches => 0,
            EventKind.Collects => (int)ItemEffect.Collected,
            EventKind.Opens => (int)ItemEffect.Opened,
            EventKind.Touches => (int)ItemEffect.Touched,
            _ => -1,
        };
        if (target is RegionTarget region)
        {
            if (kind != EventKind.Reaches)
            {
                return;
            }
            foreach (var (x, y) in RegionMath.Cells(region.Region, environment.Width, environment.Height))
            {
                byCell[y * environment.Width + x].Add(index);
            }
            return;
        }
        for (var k = 0; k < environment.Items.Count; k++)
        {
            if (eventIndex >= 0 && TargetMatcher.MatchesKind(target, environment.Items[k]))
            {
                byKind[k * 4 + eventIndex].Add(index);
            }
        }
    }
}
