using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Dynamics;

/// <summary>
/// Which channels an observation has, shared by every environment of an experiment so that a model trained on
/// one can be evaluated on the others. Items are observed through what a person would see: one channel per
/// colour and one per shape that occurs in any of the environments; an item with neither attribute is observed
/// by its kind (one channel per such kind). After the item channels come one inventory plane per kind the agent can hold (keys and shields),
/// then one plane per cue (<c>cue deployment</c>), lit on every cell in the environments that carry it.
/// So a red circle and a red square share the "red" channel and differ in the shape channels, which is what
/// lets a colour-versus-shape experiment show which attribute a policy follows (<see cref="ItemAppearance"/>).
/// </summary>
public sealed class ObservationLayout
{
    /// <summary>Channel 0 is walls (and, in a window, everything off the grid), channel 1 the agent.</summary>
    public const int FirstItemChannel = 2;

    private readonly Dictionary<string, int> colours;
    private readonly Dictionary<string, int> shapes;
    private readonly Dictionary<string, int> plainKinds;
    private readonly Dictionary<string, int> keyKinds;
    private readonly Dictionary<string, int> cues;

    private ObservationLayout(IReadOnlyList<string> features, Dictionary<string, int> colours, Dictionary<string, int> shapes,
        Dictionary<string, int> plainKinds, Dictionary<string, int> keyKinds, Dictionary<string, int> cues)
    {
        this.cues = cues;
        Features = features;
        this.colours = colours;
        this.shapes = shapes;
        this.plainKinds = plainKinds;
        this.keyKinds = keyKinds;
    }

    /// <summary>The item feature channels in order, named "colour red", "shape circle" or "kind cheese".</summary>
    public IReadOnlyList<string> Features { get; }

    public int KeyKindCount => keyKinds.Count;

    public int CueCount => cues.Count;

    public int Channels => FirstItemChannel + Features.Count + KeyKindCount + CueCount;

    /// <summary>The layout of one environment on its own.</summary>
    public static ObservationLayout For(EnvironmentModel environment) => For([environment]);

    /// <summary>The layout of an experiment: its training environment (if it trains) and every evaluation environment.</summary>
    public static ObservationLayout For(ExperimentModel experiment) =>
        For(experiment.TrainingEnvironments.Concat(experiment.Evaluations.Select(e => e.Environment)));

    /// <summary>The layout shared by <paramref name="environments"/> (an experiment's training and evaluation environments).</summary>
    public static ObservationLayout For(IEnumerable<EnvironmentModel> environments)
    {
        var items = environments.SelectMany(e => e.Items).ToList();
        var colourNames = items.Where(i => i.Colour is not null).Select(i => i.Colour!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var shapeNames = items.Where(i => i.Shape is not null).Select(i => i.Shape!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var plainNames = items.Where(i => i.Colour is null && i.Shape is null).Select(i => i.Kind).Distinct(StringComparer.Ordinal).ToList();
        var keyNames = items.Where(i => i.IsHeld).Select(i => i.Kind).Distinct(StringComparer.Ordinal).ToList();
        var features = new List<string>();
        Dictionary<string, int> Number(IEnumerable<string> names, string prefix) => names.ToDictionary(n => n, n =>
        {
            features.Add($"{prefix} {n}");
            return features.Count - 1;
        }, StringComparer.Ordinal);
        var colours = Number(colourNames, "colour");
        var shapes = Number(shapeNames, "shape");
        var plain = Number(plainNames, "kind");
        var keys = keyNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var cueNames = environments.Select(e => e.Cue).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var cues = cueNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        return new ObservationLayout(features, colours, shapes, plain, keys, cues);
    }

    /// <summary>The absolute channels an item of this kind lights up (its colour and shape, or its kind).</summary>
    public int[] ChannelsOf(ItemModel item)
    {
        var channels = new List<int>(2);
        if (item.Colour is not null && colours.TryGetValue(item.Colour, out var c))
        {
            channels.Add(FirstItemChannel + c);
        }
        if (item.Shape is not null && shapes.TryGetValue(item.Shape, out var s))
        {
            channels.Add(FirstItemChannel + s);
        }
        if (item.Colour is null && item.Shape is null && plainKinds.TryGetValue(item.Kind, out var k))
        {
            channels.Add(FirstItemChannel + k);
        }
        if (channels.Count == 0)
        {
            throw new ArgumentException($"item kind '{item.Kind}' is not part of this observation layout", nameof(item));
        }
        return [.. channels];
    }

    /// <summary>The absolute inventory channel of a kind the agent can hold (keys, shields), or -1 for other kinds.</summary>
    public int InventoryChannelOf(ItemModel item) =>
        item.IsHeld && keyKinds.TryGetValue(item.Kind, out var k) ? FirstItemChannel + Features.Count + k : -1;

    /// <summary>The absolute channel of an environment's cue, or -1 when it has none.</summary>
    public int CueChannelOf(EnvironmentModel environment) =>
        environment.Cue is { } cue && cues.TryGetValue(cue, out var c) ? FirstItemChannel + Features.Count + KeyKindCount + c : -1;

    /// <summary>"walls, agent, colour red, shape circle, ..."</summary>
    public override string ToString() =>
        string.Join(", ", new[] { "walls", "agent" }.Concat(Features).Concat(keyKinds.Keys.Select(k => $"holding {k}")).Concat(cues.Keys.Select(c => $"cue {c}")));
}
