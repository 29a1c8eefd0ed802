using MesaSpec.Language.Model;

namespace MesaSpec.Language.Catalogue;

/// <summary>The slots a component can fill in a spec.</summary>
public enum ComponentKind
{
    /// <summary><c>walls maze(...)</c>: a wall generator.</summary>
    Walls,
    /// <summary><c>train on ... with mlp(...)</c>: the learned model (the would-be mesa-optimizer).</summary>
    Model,
    /// <summary><c>using ppo(...)</c>: the base optimizer.</summary>
    Algorithm,
    /// <summary><c>expect on Env: score(Objective) &gt; 0.5</c>: a number per evaluation environment.</summary>
    Metric,
    /// <summary><c>probe P: cell_of(Objective) at layer 2</c>: a feature of the state a linear probe reads from a layer.</summary>
    ProbeFeature,
    /// <summary><c>train on ... curriculum plr(...)</c>: how a training phase chooses its levels (domain randomisation without one).</summary>
    Curriculum,
    /// <summary><c>item monster moves chase(agent)</c>: how an item moves each step (an entity).</summary>
    Movement,
}

/// <summary>What a probe feature's value is, which decides how a linear probe is fitted and scored.</summary>
public enum FeatureKind
{
    /// <summary>One of many classes (a cell): a least-squares classifier, scored by accuracy against the majority class.</summary>
    Class,
    /// <summary>A number (a distance): ridge regression, scored by R² against 0.</summary>
    Value,
    /// <summary>Yes or no: a least-squares classifier with one direction, scored by accuracy against the majority class.</summary>
    Binary,
}

/// <summary>
/// One parameter of a component: its type, its default (null when required), documentation, and an
/// optional valid range or set of choices that the binder enforces.
/// </summary>
public sealed record ComponentParameter(
    string Name,
    MesaType Type,
    Value? Default,
    string Doc,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>For a list: the fewest items it may hold (the binder reports a shorter list, MS2017); null when any length goes.</summary>
    public int? MinItems { get; init; }

    public string Signature => Default is { } d ? $"{Name}: {Type} = {Format(d)}" : $"{Name}: {Type}";

    private static string Format(Value v) => v.Raw is string s ? $"\"{s}\"" : v.ToString();
}

/// <summary>A named, documented, typed component that specs call, e.g. <c>ppo(steps: 1M)</c>.</summary>
public sealed record ComponentDescriptor(string Name, ComponentKind Kind, string Doc, IReadOnlyList<ComponentParameter> Parameters)
{
    /// <summary>
    /// The parameter that is this component's budget (an algorithm's environment steps), or null when it has
    /// none. Budget checks, throughput and reduced-budget snapshot runs read it here instead of assuming a name.
    /// </summary>
    public string? Budget { get; init; }

    /// <summary>
    /// The parameter that holds the discount an algorithm maximises (its <c>gamma</c>), or null when it has none.
    /// Evaluation scores returns with the same discount, so "optimal" means what the algorithm was trained for.
    /// </summary>
    public string? Discount { get; init; }

    /// <summary>A wall generator that needs odd width and height (cells on even coordinates); the binder checks the grid.</summary>
    public bool NeedsOddGrid { get; init; }

    /// <summary>
    /// A model or algorithm of experiments trained on a task (in-context learning from prompts) rather than in
    /// environments; the binder keeps the two apart (MS2060).
    /// </summary>
    public bool ForTasks { get; init; }

    /// <summary>
    /// A movement that draws from the episode's random stream (<c>wander</c>): still deterministic per level seed, but
    /// the exact planner enumerates deterministic moves only, so it cannot score levels where such an item moves.
    /// </summary>
    public bool Stochastic { get; init; }

    /// <summary>
    /// The parameter of a movement that names what it moves relative to (<c>agent</c> or an item kind of the
    /// environment; a string, or a list of them for a route), or null; the binder checks every name (MS2030) and the
    /// runtime resolves it.
    /// </summary>
    public string? TargetParameter { get; init; }

    /// <summary>A probe feature's kind (null for other components).</summary>
    public FeatureKind? Feature { get; init; }

    /// <summary>
    /// A model's trunk layers a probe can read (<c>at layer 1</c> .. this), from its bound arguments; null when
    /// the model's layers cannot be read.
    /// </summary>
    public Func<ComponentModel, int>? ReadableLayers { get; init; }

    /// <summary>
    /// For a model: about how many trainable parameters it has with these arguments, for an observation of the
    /// given number of grid cells (at least one number each); null when unknown. The binder refuses a model whose
    /// training state cannot fit in this machine's memory (MS3022) instead of letting the run fail allocating it.
    /// </summary>
    public Func<IReadOnlyDictionary<string, Value>, long, double>? ParameterCount { get; init; }

    /// <summary>
    /// For a model: whether, with these bound arguments, nothing in it depends on the grid's size (its heads read
    /// a global pooling of the grid), so a model trained on one grid size can act on another; null when the model
    /// never can (a dense layer over every cell). The binder allows evaluating on another grid size exactly when
    /// this says yes (MS3020 otherwise), and the runtime's network says the same of itself.
    /// </summary>
    public Func<ComponentModel, bool>? AnyGridSize { get; init; }

    /// <summary>
    /// For a model that accepts any grid size only with some argument: that argument as a spec writes it
    /// (<c>pool: global</c>), which the diagnostic refusing another grid size proposes; null when no argument is needed.
    /// </summary>
    public string? AnyGridSizeArgument { get; init; }

    public ComponentParameter? Find(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    public string Signature => $"{Name}({string.Join(", ", Parameters.Select(p => p.Signature))})";

    /// <summary>A metric written <c>name(Objective)</c> (one <see cref="MesaType.Objective"/> parameter) rather than a bare <c>name</c>.</summary>
    public bool TakesObjective => Parameters is [{ Type.Name: "objective" }];

    /// <summary>How many objectives the component takes (a probe feature's arguments are all objectives).</summary>
    public int ObjectiveCount => Parameters.Count(p => p.Type == MesaType.Objective);
}

/// <summary>
/// Supplies component descriptors: data only, no native dependency, so the language server can load it from a
/// plugin without loading the plugin's implementation. An assembly names its providers with
/// <see cref="ComponentDescriptorsAttribute"/>; the built-ins are declared exactly the same way.
/// </summary>
public interface IComponentProvider
{
    IEnumerable<ComponentDescriptor> GetComponents();
}
