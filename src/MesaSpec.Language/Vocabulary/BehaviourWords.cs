using MesaSpec.Language.Model;

namespace MesaSpec.Language.Vocabulary;

/// <summary>A word of <c>behaviour WORD</c>: the <see cref="ItemBehaviour"/> it means and whether it may <c>opens</c> a kind.</summary>
public sealed record BehaviourWord(string Word, ItemBehaviour Behaviour, bool Opens);

/// <summary>
/// The one table of item-behaviour words: the binder checks against it, the environment builder maps it, and the
/// language server completes and highlights from it. (The dynamics implement <see cref="ItemBehaviour"/>; moving
/// entities will make behaviours registry components of the Gridworld.)
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
    ];

    public static IReadOnlyList<string> Words { get; } = [.. All.Select(b => b.Word)];

    public static BehaviourWord? Find(string word) => All.FirstOrDefault(b => b.Word == word);
}
