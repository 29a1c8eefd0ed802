using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Levels;

/// <summary>
/// The item table of one environment: every level of it holds the same items in the same order
/// (kind by kind, in declaration order), so item <c>i</c> always has kind <see cref="KindOfItem"/>[i].
/// Only where the items are changes between levels.
/// </summary>
public sealed class ItemKinds
{
    /// <summary>Levels track items in 64-bit masks.</summary>
    public const int MaxItems = 64;

    public ItemKinds(EnvironmentModel environment)
    {
        Kinds = environment.Items;
        EnvironmentName = environment.Name;
        var kindOfItem = new List<int>();
        for (var k = 0; k < Kinds.Count; k++)
        {
            var count = Kinds[k].FixedCells?.Count ?? Kinds[k].Count;
            for (var c = 0; c < count; c++)
            {
                kindOfItem.Add(k);
            }
        }
        if (kindOfItem.Count > MaxItems)
        {
            throw new LevelGenerationException(environment.Name, "items", null,
                $"environment '{environment.Name}' places {kindOfItem.Count} items; at most {MaxItems} are supported");
        }
        KindOfItem = kindOfItem.ToArray();
        Behaviour = Kinds.Select(k => k.Behaviour).ToArray();
        for (var i = 0; i < KindOfItem.Length; i++)
        {
            var bit = 1UL << i;
            switch (Behaviour[KindOfItem[i]])
            {
                case ItemBehaviour.Collectable: MutableMask |= bit; break;
                case ItemBehaviour.Key: MutableMask |= bit; KeyMask |= bit; break;
                case ItemBehaviour.Chest: MutableMask |= bit; break;
                case ItemBehaviour.Hazard: HazardMask |= bit; break;
                case ItemBehaviour.Static: break;
                case ItemBehaviour.Monster: MutableMask |= bit; MonsterMask |= bit; break;
                case ItemBehaviour.Shield: MutableMask |= bit; ShieldMask |= bit; break;
                default: throw new ArgumentOutOfRangeException(nameof(environment), Behaviour[KindOfItem[i]], "unknown item behaviour");
            }
        }
        SpecificKeys = new ulong[KindOfItem.Length];
        UniversalKeys = new ulong[KindOfItem.Length];
        for (var chest = 0; chest < KindOfItem.Length; chest++)
        {
            if (Behaviour[KindOfItem[chest]] != ItemBehaviour.Chest)
            {
                continue;
            }
            var chestKind = Kinds[KindOfItem[chest]].Kind;
            for (var key = 0; key < KindOfItem.Length; key++)
            {
                var keyKind = Kinds[KindOfItem[key]];
                if (keyKind.Behaviour != ItemBehaviour.Key)
                {
                    continue;
                }
                if (keyKind.Opens is null)
                {
                    UniversalKeys[chest] |= 1UL << key;
                }
                else if (string.Equals(keyKind.Opens, chestKind, StringComparison.Ordinal))
                {
                    SpecificKeys[chest] |= 1UL << key;
                }
            }
        }
        Movements = Kinds.Select(k => k.Movement is { } m ? MovementEntries.Create(environment, k, m) : null).ToArray();
        MovementPeriod = Movements.Aggregate(1, (period, m) => m is null ? period : LeastCommonMultiple(period, Math.Max(1, m.Period)));
        var entities = new List<int>();
        EntityOfItem = new int[KindOfItem.Length];
        for (var i = 0; i < KindOfItem.Length; i++)
        {
            var kind = Kinds[KindOfItem[i]];
            // Monsters are entities even when they stay put, so contact with one is resolved in one place.
            EntityOfItem[i] = kind.Moves || kind.Behaviour == ItemBehaviour.Monster ? entities.Count : -1;
            if (EntityOfItem[i] >= 0)
            {
                entities.Add(i);
                EntityMask |= 1UL << i;
            }
        }
        EntityItems = [.. entities];
        EntityMemoryStates = [.. entities.Select(i => Math.Max(1, Movements[KindOfItem[i]]?.MemoryStates ?? 1))];
        StochasticKind = Kinds.FirstOrDefault(k => k.MovesAtRandom && (k.FixedCells?.Count ?? k.Count) > 0);
        var depth = new int[Kinds.Count];
        for (var k = 0; k < Kinds.Count; k++)
        {
            depth[k] = StackDepth(k, 0);
        }
        DrawingOrder = [.. Enumerable.Range(0, KindOfItem.Length).OrderBy(i => depth[KindOfItem[i]]).ThenBy(i => i)];
    }

    /// <summary>
    /// The item indices from the bottom of a stack to its top: an item placed <c>on</c> another comes after it (the cheese
    /// after the dish it sits on), otherwise item order. A picture of a cell shows the last of its items still there.
    /// </summary>
    public int[] DrawingOrder { get; }

    /// <summary>0 for a kind that takes cells of its own; one more than the highest of its anchors for one placed <c>on</c> them.</summary>
    private int StackDepth(int kind, int links)
    {
        var spawn = Kinds[kind].FixedCells is null ? Kinds[kind].Spawn : null;
        if (spawn is null || !RegionMath.Stacks(spawn) || links > Kinds.Count)
        {
            return 0; // a cycle (refused by the binder, MS2035) stops at the number of kinds
        }
        return 1 + RegionMath.AddingParts(spawn).OfType<OnRegion>()
            .Select(o => IndexOfKind(o.Anchor)).Where(a => a >= 0).Select(a => StackDepth(a, links + 1)).DefaultIfEmpty(0).Max();
    }

    public IReadOnlyList<ItemModel> Kinds { get; }

    /// <summary>The environment these items belong to (for messages).</summary>
    public string EnvironmentName { get; }

    public int KindCount => Kinds.Count;

    public int ItemCount => KindOfItem.Length;

    /// <summary>Kind index of each item index.</summary>
    public int[] KindOfItem { get; }

    public ItemBehaviour[] Behaviour { get; }

    /// <summary>Items that can disappear (collectables, keys, chests): the part of the item state a planner must track.</summary>
    public ulong MutableMask { get; }

    public ulong KeyMask { get; }

    public ulong HazardMask { get; }

    public ulong MonsterMask { get; }

    public ulong ShieldMask { get; }

    /// <summary>What the agent can carry (keys and shields): the part of the inventory a planner must track.</summary>
    public ulong HeldMask => KeyMask | ShieldMask;

    /// <summary>Items with a cell of their own every step (moving items and monsters), as a mask of item indices.</summary>
    public ulong EntityMask { get; }

    /// <summary>The item index of each entity, in item order (entity e is item <c>EntityItems[e]</c>).</summary>
    public int[] EntityItems { get; }

    public int EntityCount => EntityItems.Length;

    /// <summary>Per entity: how many values its movement's memory takes (<see cref="IMovement.MemoryStates"/>; 1 without memory).</summary>
    public int[] EntityMemoryStates { get; }

    /// <summary>Per item index: its entity index, or -1 for an item that stays on its level cell.</summary>
    public int[] EntityOfItem { get; }

    /// <summary>Per kind: how its items move, or null for items that stay put.</summary>
    public IMovement?[] Movements { get; }

    /// <summary>After how many steps every movement's rule repeats (1: none depends on the step); the planner keeps the step modulo this.</summary>
    public int MovementPeriod { get; }

    private static int LeastCommonMultiple(int a, int b)
    {
        int x = a, y = b;
        while (y != 0) (x, y) = (y, x % y);
        return a / x * b;
    }

    /// <summary>An item kind present in the levels that moves at random (the exact planner cannot enumerate it), or null.</summary>
    public ItemModel? StochasticKind { get; }

    /// <summary>Per chest item: the key items naming its kind (used before universal keys).</summary>
    public ulong[] SpecificKeys { get; }

    /// <summary>Per chest item: the key items that open any chest.</summary>
    public ulong[] UniversalKeys { get; }

    public int IndexOfKind(string kind)
    {
        for (var k = 0; k < Kinds.Count; k++)
        {
            if (string.Equals(Kinds[k].Kind, kind, StringComparison.Ordinal))
            {
                return k;
            }
        }
        return -1;
    }
}
