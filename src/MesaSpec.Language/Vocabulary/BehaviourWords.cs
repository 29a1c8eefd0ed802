using MesaSpec.Language.Model;

namespace MesaSpec.Language.Vocabulary;

/// <summary>A word of <c>behaviour WORD</c>: the <see cref="ItemBehaviour"/> it means and whether it may <c>opens</c> a kind.</summary>
public sealed record BehaviourWord(string Word, ItemBehaviour Behaviour, bool Opens);

/// <summary>
/// The one table of item-behaviour words: the binder checks against it, the environment builder maps it, and the
/// language server completes and highlights from it. (The dynamics implement <see cref="ItemBehaviour"/>; how an item
/// moves is a separate property, <c>moves chase(agent)</c>, whose words are movement components of the catalogue.)
/// </summary>
public static class BehaviourWords
{
    public static IReadOnlyList<BehaviourWord> All { get; } =
    [
        new("collectable", ItemBehaviour.Collectable, false),
        new("static", ItemBehaviour.Static, false),
        new("key", ItemBehaviour.Key, true),
        new("chest", ItemBehaviour.Chest, false),
        new("hazard", ItemBehaviour.Hazard, false),
        new("monster", ItemBehaviour.Monster, false),
        new("shield", ItemBehaviour.Shield, false),
    ];

    /// <summary>The behaviours an item that moves may have (what contact with it does); the others stay put.</summary>
    public static IReadOnlyList<string> MovingWords { get; } = ["monster", "hazard", "static"];

    public static IReadOnlyList<string> Words { get; } = [.. All.Select(b => b.Word)];

    /// <summary>The word of a behaviour (collectable when it is not written).</summary>
    public static string WordOf(ItemBehaviour behaviour) => All.First(b => b.Behaviour == behaviour).Word;

    public static BehaviourWord? Find(string word) => All.FirstOrDefault(b => b.Word == word);
}
