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
        if (Kinds.FirstOrDefault(k => k.Moves) is { } moving)
        {
            throw new LevelGenerationException(environment.Name, "items", null,
                $"environment '{environment.Name}': item '{moving.Kind}' moves, which is not simulated yet");
        }
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
                case ItemBehaviour.Monster or ItemBehaviour.Shield:
                    throw new LevelGenerationException(environment.Name, "items", null,
                        $"environment '{environment.Name}': monsters and shields are not simulated yet");
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
        KeyKindChannel = new int[Kinds.Count];
        var channel = 0;
        for (var k = 0; k < Kinds.Count; k++)
        {
            KeyKindChannel[k] = Kinds[k].Behaviour == ItemBehaviour.Key ? channel++ : -1;
        }
        KeyKindCount = channel;
    }

    public IReadOnlyList<ItemModel> Kinds { get; }

    public int KindCount => Kinds.Count;

    public int ItemCount => KindOfItem.Length;

    /// <summary>Kind index of each item index.</summary>
    public int[] KindOfItem { get; }

    public ItemBehaviour[] Behaviour { get; }

    /// <summary>Items that can disappear (collectables, keys, chests): the part of the item state a planner must track.</summary>
    public ulong MutableMask { get; }

    public ulong KeyMask { get; }

    public ulong HazardMask { get; }

    /// <summary>Per chest item: the key items naming its kind (used before universal keys).</summary>
    public ulong[] SpecificKeys { get; }

    /// <summary>Per chest item: the key items that open any chest.</summary>
    public ulong[] UniversalKeys { get; }

    /// <summary>Per kind: its inventory observation channel (keys only), else -1.</summary>
    public int[] KeyKindChannel { get; }

    public int KeyKindCount { get; }

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
